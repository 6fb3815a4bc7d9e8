import { useState } from 'react';
import { App, Button, Flex, Progress, Space, Table, Tag, Typography, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReportCycle, ReportState, UnitReport } from '@lantu/core';
import { useRemindReport } from '../hooks';
import { useReportingError } from '../errors';
import { filledPercent } from '../format';
import { LateTag, LockedTag, ReportStateTag } from './ReportStateTag';
import { StepTime } from './StepTime';

/** States in which a unit still owes its report (as the server's NOT_SUBMITTED). */
const OWING: readonly ReportState[] = ['not_started', 'draft', 'returned'];

interface Props {
  cycle: ReportCycle;
  reports: UnitReport[];
  loading: boolean;
  /** The office reminds and reviews; leaders only look. */
  office: boolean;
}

/** The cycle board: one row per unit (late ones first), its state, how far filled, the steps' times, and one-click reminders. */
export function CycleBoard({ cycle, reports, loading, office }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const remind = useRemindReport();
  const showError = useReportingError();
  const [reminded, setReminded] = useState<ReadonlySet<string>>(new Set());
  const onRemind = (r: UnitReport) =>
    remind.mutate(r.id, {
      onSuccess: (res) => {
        setReminded((s) => new Set([...s, r.id]));
        void message.success(res.notified > 0 ? t('reporting.reminded', { unit: r.unitName, count: res.notified }) : t('reporting.remindedNobody', { unit: r.unitName }));
      },
      onError: (err) => showError(err),
    });

  const columns: TableColumnsType<UnitReport> = [
    { title: t('reporting.columns.unit'), dataIndex: 'unitName', width: 160, fixed: 'left', render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
    {
      title: t('reporting.columns.state'),
      dataIndex: 'state',
      width: 150,
      render: (_, r) => (
        <Flex gap={token.marginXXS} wrap>
          <ReportStateTag state={r.state} testId={`board-state-${r.unitId}`} />
          {r.locked && <LockedTag />}
        </Flex>
      ),
    },
    {
      title: t('reporting.columns.filled'),
      key: 'filled',
      width: 130,
      render: (_, r) => <Progress percent={filledPercent(r.filledCount, r.lineCount)} size="small" style={{ margin: 0 }} />,
    },
    {
      title: t('reporting.columns.late'),
      dataIndex: 'daysLate',
      width: 100,
      render: (d: number) => (d > 0 ? <LateTag days={d} /> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { title: t('reporting.columns.submittedAt'), key: 'submitted', width: 130, render: (_, r) => <StepTime report={r} step="submitted" testId={`board-submitted-${r.unitId}`} /> },
    { title: t('reporting.columns.approvedAt'), key: 'approved', width: 130, render: (_, r) => <StepTime report={r} step="approved" testId={`board-approved-${r.unitId}`} /> },
    { title: t('reporting.columns.acceptedAt'), key: 'accepted', width: 130, render: (_, r) => <StepTime report={r} step="accepted" testId={`board-accepted-${r.unitId}`} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      fixed: 'right',
      render: (_, r) => {
        const canRemind = office && cycle.state === 'open' && !r.locked && OWING.includes(r.state);
        return (
          <Space size={token.marginXXS}>
            <Link to={`/reports/${r.id}`} data-testid={`cycle-report-${r.unitId}`}>
              <Button size="small" type={office && r.state === 'unit_approved' ? 'primary' : 'default'}>
                {office && r.state === 'unit_approved' ? t('reporting.review') : t('reporting.open')}
              </Button>
            </Link>
            {canRemind &&
              (reminded.has(r.id) ? (
                <Tag color="success" icon={<CheckOutlined />} data-testid={`cycle-reminded-${r.unitId}`}>{t('reporting.remindSent')}</Tag>
              ) : (
                <Button size="small" icon={<BellOutlined />} loading={remind.isPending && remind.variables === r.id} onClick={() => onRemind(r)} data-testid={`cycle-remind-${r.unitId}`}>
                  {t('reporting.remind')}
                </Button>
              ))}
          </Space>
        );
      },
    },
  ];
  return (
    <Table<UnitReport>
      data-testid="cycle-board"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={reports}
      loading={loading}
      scroll={{ x: 1110 }}
      pagination={false}
      onRow={(r) => ({ 'data-testid': `board-row-${r.unitId}`, 'data-unit': r.unitName, 'data-state': r.state, 'data-late': r.daysLate }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('reporting.noReports') }}
    />
  );
}
