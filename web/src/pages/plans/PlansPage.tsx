import { useState } from 'react';
import { Alert, Button, Card, Empty, Skeleton } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useCurrentUser } from '../../modules/auth/hooks';
import { usePlans } from '../../modules/plans/hooks';
import { PlanCards } from '../../modules/plans/components/PlanCards';
import { PlanFormDrawer, type PlanFormTarget } from '../../modules/plans/components/PlanFormDrawer';
import { errorText } from '../../api/useApiError';
import { WRITERS } from '../../app/access';
import { PageContainer } from '../../ui/PageContainer';

/** The zone's plans: the strategic plan and the annual plans, each with its roll-up. */
export default function PlansPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canWrite = hasAnyRole(me, WRITERS.plans);
  const plans = usePlans();
  const [form, setForm] = useState<PlanFormTarget | null>(null);
  const year = Number(me.zone.asOfDate.slice(0, 4));
  const create = () => setForm({ mode: 'create', year });

  return (
    <PageContainer
      testId="page-plans"
      title={t('plans.listTitle')}
      subtitle={t('plans.listSubtitle', { date: me.zone.asOfDate })}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={create} data-testid="plan-create">
            {t('plans.create')}
          </Button>
        )
      }
    >
      {plans.isPending && (
        <Card>
          <Skeleton active paragraph={{ rows: 4 }} />
        </Card>
      )}
      {plans.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(t, plans.error)}
          action={
            <Button size="small" icon={<ReloadOutlined />} onClick={() => void plans.refetch()} data-testid="plans-retry">
              {t('common.retry')}
            </Button>
          }
          data-testid="plans-error"
        />
      )}
      {plans.data && plans.data.items.length === 0 && (
        <Card>
          <Empty description={t('plans.empty')} data-testid="plans-empty">
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={create} data-testid="plan-create-empty">
                {t('plans.create')}
              </Button>
            )}
          </Empty>
        </Card>
      )}
      {plans.data && plans.data.items.length > 0 && <PlanCards plans={plans.data.items} />}
      <PlanFormDrawer target={form} onClose={() => setForm(null)} />
    </PageContainer>
  );
}
