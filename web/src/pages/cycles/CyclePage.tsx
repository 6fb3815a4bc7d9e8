import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Flex, Popconfirm, Statistic, Typography, theme } from 'antd';
import { BellOutlined, CalendarOutlined, LockOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { REPORT_STATES, type ReportState } from '@lantu/core';
import { useCurrentUser } from '../../modules/auth/hooks';
import { useCloseCycle, useCycle, useRemindCycle, useReports } from '../../modules/reporting/hooks';
import { MAX_PAGE_SIZE } from '../../modules/reporting/api';
import { isOffice } from '../../modules/reporting/rights';
import { useReportingError } from '../../modules/reporting/errors';
import { periodText } from '../../modules/reporting/format';
import { CycleBoard } from '../../modules/reporting/components/CycleBoard';
import { CycleStateTag, StateCounts } from '../../modules/reporting/components/CycleStateTag';
import { CycleFormModal, type CycleFormTarget } from '../../modules/reporting/components/CycleFormModal';
import { LoadState } from '../../modules/plans/components/LoadState';
import { errorText } from '../../api/useApiError';
import { testId } from '../../ui/testId';
import { PageContainer } from '../../ui/PageContainer';

/** One cycle: its dates and state, the reports counted by state, the board of units, reminders and closing. */
export default function CyclePage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const { cycleId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state = (REPORT_STATES as readonly string[]).includes(stateParam ?? '') ? (stateParam as ReportState) : undefined;
  const me = useCurrentUser();
  const office = isOffice(me);
  const cycle = useCycle(cycleId);
  const reports = useReports({ cycleId, state }, 1, MAX_PAGE_SIZE);
  const close = useCloseCycle();
  const remindAll = useRemindCycle();
  const showError = useReportingError();
  const [form, setForm] = useState<CycleFormTarget | null>(null);

  if (!cycle.data) {
    return <LoadState testId="page-cycle" error={cycle.error} onRetry={() => void cycle.refetch()} backTo="/cycles" backLabel={t('reporting.nav.cycles')} />;
  }
  const c = cycle.data;
  const open = c.state === 'open';
  const owing = c.counts.not_started + c.counts.draft + c.counts.returned;
  const setState = (s: ReportState | undefined) => setParams(s ? { state: s } : {}, { replace: true });
  const onRemindAll = () =>
    remindAll.mutate(c.id, {
      onSuccess: (res) => void message.success(t('reporting.remindedAll', { reports: res.reports, count: res.notified })),
      onError: (err) => showError(err),
    });
  const onClose = () =>
    close.mutate({ id: c.id, version: c.version }, { onSuccess: () => void message.success(t('reporting.done.closeCycle')), onError: (err) => showError(err) });

  return (
    <PageContainer
      testId="page-cycle"
      breadcrumb={<Breadcrumb items={[{ title: <Link to="/cycles">{t('reporting.nav.cycles')}</Link> }, { title: periodText(t, c.period) }]} />}
      title={<span data-testid="cycle-title">{t('reporting.cycleTitle', { period: periodText(t, c.period) })}</span>}
      extra={
        office &&
        open && (
          <>
            <Button icon={<CalendarOutlined />} onClick={() => setForm({ mode: 'edit', cycle: c })} data-testid="cycle-edit-dates">{t('reporting.editDatesButton')}</Button>
            <Button icon={<BellOutlined />} disabled={owing === 0} loading={remindAll.isPending} onClick={onRemindAll} data-testid="remind-all-unsubmitted">
              {t('reporting.remindAll', { count: owing })}
            </Button>
            <Popconfirm
              title={t('reporting.confirm.closeCycle', { period: periodText(t, c.period) })}
              description={t('reporting.confirm.closeCycleHint', { count: c.reportCount - c.counts.accepted })}
              okText={t('reporting.closeCycle')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, ...testId('cycle-close-confirm') }}
              onConfirm={onClose}
            >
              <Button danger icon={<LockOutlined />} loading={close.isPending} data-testid="cycle-close">{t('reporting.closeCycle')}</Button>
            </Popconfirm>
          </>
        )
      }
    >
      <Card>
        <Flex vertical gap={token.marginMD}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 4 }}
            items={[
              { key: 'state', label: t('reporting.columns.cycleState'), children: <CycleStateTag state={c.state} testId="cycle-state" /> },
              { key: 'open', label: t('reporting.fields.openDate'), children: c.openDate },
              { key: 'due', label: t('reporting.fields.dueDate'), children: <span data-testid="cycle-due">{c.dueDate}</span> },
              { key: 'close', label: t('reporting.fields.closeDate'), children: c.closeDate },
            ]}
          />
          <Flex gap={token.marginXL} wrap>
            <Statistic title={t('reporting.summary.reports')} value={c.reportCount} />
            <Statistic title={t('reporting.summary.accepted')} value={c.counts.accepted} suffix={`/ ${c.reportCount}`} />
            <Statistic title={t('reporting.summary.owing')} value={owing} />
            <Statistic title={t('reporting.summary.late')} value={c.lateCount} styles={{ content: c.lateCount > 0 ? { color: token.colorWarning } : {} }} />
          </Flex>
          <Flex gap={token.marginSM} align="center" wrap>
            <Typography.Text type="secondary">{t('reporting.byState')}</Typography.Text>
            <StateCounts cycle={c} onState={setState} active={state} />
          </Flex>
        </Flex>
      </Card>
      {reports.error && <Alert type="error" showIcon title={errorText(t, reports.error)} />}
      <Card title={t('reporting.board')}>
        <CycleBoard cycle={c} reports={reports.data?.items ?? []} loading={reports.isFetching} office={office} />
      </Card>
      <CycleFormModal target={form} onClose={() => setForm(null)} />
    </PageContainer>
  );
}
