import { Button, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReportCycle } from '@lantu/core';
import { periodText } from '../format';
import { CycleStateTag, StateCounts } from './CycleStateTag';

interface Props {
  cycles: ReportCycle[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

/** The zone's cycles, newest month first: dates, open or closed, reports by state, the late ones. */
export function CyclesTable({ cycles, total, page, pageSize, loading, onPage }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ReportCycle> = [
    {
      title: t('reporting.columns.period'),
      dataIndex: 'period',
      width: 120,
      render: (p: string, c) => (
        <Link to={`/cycles/${c.id}`} data-testid={`cycle-link-${p}`}>
          <Typography.Text strong style={{ color: 'inherit' }}>{periodText(t, p)}</Typography.Text>
        </Link>
      ),
    },
    { title: t('reporting.fields.openDate'), dataIndex: 'openDate', width: 110 },
    { title: t('reporting.fields.dueDate'), dataIndex: 'dueDate', width: 110 },
    { title: t('reporting.fields.closeDate'), dataIndex: 'closeDate', width: 110 },
    { title: t('reporting.columns.cycleState'), dataIndex: 'state', width: 100, render: (_, c) => <CycleStateTag state={c.state} testId={`cycle-state-${c.period}`} /> },
    { title: t('reporting.columns.reports'), key: 'counts', render: (_, c) => <StateCounts cycle={c} /> },
    {
      title: t('reporting.columns.late'),
      dataIndex: 'lateCount',
      width: 90,
      align: 'center',
      render: (n: number) => (n > 0 ? <Tag color="warning">{n}</Tag> : <Typography.Text type="secondary">0</Typography.Text>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_, c) => (
        <Link to={`/cycles/${c.id}`}>
          <Button size="small">{t('reporting.board')}</Button>
        </Link>
      ),
    },
  ];
  return (
    <Table<ReportCycle>
      data-testid="cycles-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={cycles}
      loading={loading}
      scroll={{ x: 1000 }}
      onRow={(c) => ({ 'data-testid': `cycle-row-${c.period}`, 'data-state': c.state }) as React.HTMLAttributes<HTMLElement>}
      pagination={{ current: page, pageSize, total, showSizeChanger: true, showTotal: (n) => t('common.total', { count: n }), onChange: onPage }}
      locale={{ emptyText: t('reporting.noCycles') }}
    />
  );
}
