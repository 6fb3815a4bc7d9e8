import { useState } from 'react';
import { Alert, Button, Card } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useUnitTree } from '../../modules/units/hooks';
import { UnitTreeTable } from '../../modules/units/components/UnitTreeTable';
import { UnitFormModal, type UnitFormTarget } from '../../modules/units/components/UnitFormModal';
import { errorText } from '../../api/useApiError';
import { PageContainer } from '../../ui/PageContainer';

/** Units admin (sysadmin): the organisation tree with create, edit, move, (de)activate, delete. */
export default function UnitsPage() {
  const { t } = useTranslation();
  const units = useUnitTree();
  const [target, setTarget] = useState<UnitFormTarget | null>(null);

  return (
    <PageContainer
      testId="page-units"
      title={t('units.title')}
      subtitle={t('units.subtitle', { count: units.items.length })}
      extra={
        <>
          <Button icon={<ReloadOutlined />} onClick={() => void units.refetch()} loading={units.isFetching} data-testid="units-reload">
            {t('common.reload')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create', parentId: null })} data-testid="unit-create-root">
            {t('units.createRoot')}
          </Button>
        </>
      }
    >
      {units.error && <Alert type="error" showIcon title={errorText(t, units.error)} />}
      <Card>
        <UnitTreeTable
          tree={units.tree}
          loading={units.isPending}
          onCreateChild={(parent) => setTarget({ mode: 'create', parentId: parent.id })}
          onEdit={(unit) => setTarget({ mode: 'edit', unit })}
        />
      </Card>
      <UnitFormModal target={target} onClose={() => setTarget(null)} />
    </PageContainer>
  );
}
