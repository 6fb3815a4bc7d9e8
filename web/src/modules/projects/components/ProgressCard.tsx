import { useState } from 'react';
import { Alert, Button, Card, Flex, Skeleton, theme } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Project } from '@lantu/core';
import { errorText } from '../../../api/useApiError';
import { useProgress } from '../hooks';
import { InvestmentChart } from './InvestmentChart';
import { ProgressHistory } from './ProgressHistory';
import { ProgressModal, type ProgressTarget } from './ProgressModal';

interface Props {
  project: Project;
  asOfDate: string;
  canWrite: boolean;
}

/** The investment chart and the monthly progress history, with recording for the lead unit and the office. */
export function ProgressCard({ project, asOfDate, canWrite }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const progress = useProgress(project.id);
  const [target, setTarget] = useState<ProgressTarget | null>(null);
  const rows = progress.data?.items ?? [];
  return (
    <>
      <Card title={t('projects.chart.title')} size="small" data-testid="investment-card">
        {progress.error ? (
          <Alert type="error" showIcon title={errorText(t, progress.error)} />
        ) : progress.data ? (
          <InvestmentChart project={project} progress={rows} asOfDate={asOfDate} />
        ) : (
          <Skeleton active paragraph={{ rows: 6 }} />
        )}
      </Card>
      <Card
        title={t('projects.progress.title')}
        size="small"
        data-testid="progress-card"
        extra={
          canWrite && (
            <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setTarget({ period: null })} data-testid="progress-record">
              {t('projects.progress.record')}
            </Button>
          )
        }
      >
        <Flex vertical gap={token.marginSM}>
          <ProgressHistory project={project} rows={rows} loading={progress.isPending} canWrite={canWrite} onEdit={(period) => setTarget({ period })} />
        </Flex>
      </Card>
      {canWrite && <ProgressModal project={project} rows={rows} target={target} asOfDate={asOfDate} onClose={() => setTarget(null)} />}
    </>
  );
}
