import { Badge, Button, Flex, Progress, Table, Tag, Tooltip, Typography, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UnitReport } from '@lantu/core';
import { filledPercent, periodText } from '../format';
import { LateTag, LockedTag, ReportStateTag } from './ReportStateTag';
import { StepTime } from './StepTime';

interface Props {
  reports: UnitReport[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  /** Reports waiting for this user's decision (a unit head's submitted reports): highlighted. */
  awaits: (r: UnitReport) => boolean;
}

/** My reports: period, unit, state, due date and lateness, how far filled in, and what needs attention. */
export function ReportsTable({ reports, total, page, pageSize, loading, onPage, awaits }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const columns: TableColumnsType<UnitReport> = [
    { title: t('reporting.columns.period'), dataIndex: 'period', width: 110, render: (p: string) => <Typography.Text strong>{periodText(t, p)}</Typography.Text> },
    { title: t('reporting.columns.unit'), dataIndex: 'unitName', width: 160 },
    {
      title: t('reporting.columns.state'),
      dataIndex: 'state',
      width: 200,
      render: (_, r) => (
        <Flex gap={token.marginXXS} wrap>
          <ReportStateTag state={r.state} testId={`report-state-${r.id}`} />
          {r.locked && <LockedTag />}
          {awaits(r) && <Tag color="warning">{t('reporting.awaitsYou')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('reporting.columns.dueDate'),
      dataIndex: 'dueDate',
      width: 170,
      render: (d: string, r) => (
        <Flex gap={token.marginXS} align="center" wrap>
          <span>{d}</span>
          <LateTag days={r.daysLate} testId={`report-late-${r.id}`} />
        </Flex>
      ),
    },
    { title: t('reporting.columns.submittedAt'), key: 'submitted', width: 120, render: (_, r) => <StepTime report={r} step="submitted" testId={`report-submitted-${r.id}`} /> },
    {
      title: t('reporting.columns.filled'),
      key: 'filled',
      width: 180,
      render: (_, r) => (
        <Tooltip title={t('reporting.filledOf', { filled: r.filledCount, total: r.lineCount })}>
          <Progress percent={filledPercent(r.filledCount, r.lineCount)} size="small" format={() => `${r.filledCount}/${r.lineCount}`} data-testid={`report-filled-${r.id}`} />
        </Tooltip>
      ),
    },
    {
      title: t('reporting.columns.attention'),
      key: 'attention',
      width: 190,
      render: (_, r) => (
        <Flex gap={token.marginXS} wrap>
          {r.unexplainedCount > 0 && (
            <Tag color="warning" icon={<WarningOutlined />}>{t('reporting.unexplainedCount', { count: r.unexplainedCount })}</Tag>
          )}
          {r.returnedLineCount > 0 && <Tag color="error">{t('reporting.returnedLineCount', { count: r.returnedLineCount })}</Tag>}
          {r.unexplainedCount === 0 && r.returnedLineCount === 0 && <Typography.Text type="secondary">—</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, r) => (
        <Link to={`/reports/${r.id}`} data-testid={`report-open-${r.id}`}>
          <Button size="small" type={awaits(r) ? 'primary' : 'default'}>
            {awaits(r) ? t('reporting.review') : t('reporting.open')}
          </Button>
        </Link>
      ),
    },
  ];
  return (
    <Table<UnitReport>
      data-testid="reports-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={reports}
      loading={loading}
      scroll={{ x: 1220 }}
      onRow={(r) =>
        ({
          'data-testid': `report-row-${r.id}`,
          'data-state': r.state,
          style: awaits(r) ? { background: token.colorWarningBg } : undefined,
        }) as React.HTMLAttributes<HTMLElement>
      }
      pagination={{ current: page, pageSize, total, showSizeChanger: true, showTotal: (n) => t('common.total', { count: n }), onChange: onPage }}
      locale={{ emptyText: <Badge status="default" text={t('reporting.noReports')} /> }}
    />
  );
}
