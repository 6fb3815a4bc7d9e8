import { useMemo } from 'react';
import { Alert, Card, Flex, Select, Typography, theme } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { REPORT_STATES, type ReportState, type UnitReport } from '@lantu/core';
import { useCurrentUser } from '../../modules/auth/hooks';
import { useReports } from '../../modules/reporting/hooks';
import { headsUnit } from '../../modules/reporting/rights';
import { ReportsTable } from '../../modules/reporting/components/ReportsTable';
import { errorText } from '../../api/useApiError';
import { PageContainer } from '../../ui/PageContainer';

/** Paging and the state filter from the URL query, so a view survives reload and can be shared. */
function useListInUrl() {
  const [params, setParams] = useSearchParams();
  const state = params.get('state');
  const list = useMemo(
    () => ({
      state: (REPORT_STATES as readonly string[]).includes(state ?? '') ? (state as ReportState) : undefined,
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20)),
    }),
    [params, state],
  );
  const set = (next: { state?: ReportState | undefined; page: number; pageSize: number }) => {
    const p = new URLSearchParams();
    if (next.state) p.set('state', next.state);
    if (next.page > 1) p.set('page', String(next.page));
    if (next.pageSize !== 20) p.set('pageSize', String(next.pageSize));
    setParams(p, { replace: true });
  };
  return [list, set] as const;
}

/** 我的报表: the reports of the units where the user reports or heads, current cycle first. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const me = useCurrentUser();
  const [list, setList] = useListInUrl();
  const reports = useReports({ scope: 'mine', state: list.state }, list.page, list.pageSize);
  const awaiting = useReports({ scope: 'mine', state: 'submitted' }, 1, 200);
  const awaits = (r: UnitReport) => r.state === 'submitted' && headsUnit(me, r.unitId);
  const waiting = (awaiting.data?.items ?? []).filter(awaits).length;

  return (
    <PageContainer testId="page-reports" title={t('reporting.nav.reports')} subtitle={t('reporting.reportsSubtitle', { date: me.zone.asOfDate })}>
      {waiting > 0 && <Alert type="warning" showIcon title={t('reporting.awaitingApproval', { count: waiting })} data-testid="reports-awaiting" />}
      <Card>
        <Flex vertical gap={token.marginMD}>
          <Flex gap={token.marginSM} align="center" wrap>
            <Typography.Text type="secondary">{t('reporting.columns.state')}</Typography.Text>
            <Select<ReportState>
              allowClear
              style={{ minWidth: 160 }}
              placeholder={t('reporting.allStates')}
              value={list.state}
              onChange={(state) => setList({ ...list, state, page: 1 })}
              options={REPORT_STATES.map((s) => ({ value: s, label: t(`reporting.state.${s}`) }))}
              data-testid="reports-state-filter"
            />
          </Flex>
          {reports.error && <Alert type="error" showIcon title={errorText(t, reports.error)} />}
          <ReportsTable
            reports={reports.data?.items ?? []}
            total={reports.data?.total ?? 0}
            page={list.page}
            pageSize={list.pageSize}
            loading={reports.isFetching}
            onPage={(page, pageSize) => setList({ ...list, page, pageSize })}
            awaits={awaits}
          />
        </Flex>
      </Card>
    </PageContainer>
  );
}
