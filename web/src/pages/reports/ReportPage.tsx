import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Breadcrumb, Empty, Flex } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '@lantu/core';
import { useCurrentUser } from '../../modules/auth/hooks';
import { useReport } from '../../modules/reporting/hooks';
import { isOffice, reportRights } from '../../modules/reporting/rights';
import { groupLines } from '../../modules/reporting/lines';
import { periodText } from '../../modules/reporting/format';
import { ReportHeader } from '../../modules/reporting/components/ReportHeader';
import { ReportActions } from '../../modules/reporting/components/ReportActions';
import { LineGroups, type ReviewMarks } from '../../modules/reporting/components/LineGroups';
import { ReviewBar } from '../../modules/reporting/components/ReviewBar';
import { ReportImportModal } from '../../modules/reporting/components/ReportImportModal';
import { LINE_FILTERS, LineFilterSwitch, matchesFilter, type LineFilter } from '../../modules/reporting/components/LineFilter';
import { LoadState } from '../../modules/plans/components/LoadState';
import { PageContainer } from '../../ui/PageContainer';

/** One unit report: header and buttons by role and state, the lines grouped by item, review mode for returns. */
export default function ReportPage() {
  const { t } = useTranslation();
  const { reportId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const me = useCurrentUser();
  const report = useReport(reportId);
  const r = report.data;
  const rights = r ? reportRights(me, r) : null;
  const reviewing = Boolean(rights?.return) && params.get('review') === '1';
  const [marks, setMarks] = useState<ReviewMarks>({});
  const [issues, setIssues] = useState<Map<string, FieldIssue[]>>(new Map());
  const [open, setOpen] = useState<string[] | null>(null);
  const [importing, setImporting] = useState(false);
  const [scrollTo, setScrollTo] = useState<string | null>(null);
  const groups = useMemo(() => (r ? groupLines(r.lines, t('reporting.projectsGroup')) : []), [r, t]);
  const filterParam = params.get('lines');
  const filter: LineFilter = (LINE_FILTERS as readonly string[]).includes(filterParam ?? '') ? (filterParam as LineFilter) : 'all';
  // the lines a filter shows are fixed when it is chosen, so a line being filled in does not vanish
  const [shown, setShown] = useState<{ filter: LineFilter; ids: ReadonlySet<string> } | null>(null);
  if (r && shown?.filter !== filter) setShown({ filter, ids: new Set(r.lines.filter((l) => matchesFilter(filter, l)).map((l) => l.id)) });
  const visible = useMemo(
    () => (filter === 'all' || !shown ? groups : groups.map((g) => ({ ...g, lines: g.lines.filter((l) => shown.ids.has(l.id) || issues.has(l.id)) })).filter((g) => g.lines.length > 0)),
    [filter, shown, groups, issues],
  );

  const setFilter = (f: LineFilter) => {
    const p = new URLSearchParams(params);
    if (f === 'all') p.delete('lines');
    else p.set('lines', f);
    setParams(p, { replace: true });
  };
  const setReviewing = (on: boolean) => {
    const p = new URLSearchParams(params);
    if (on) p.set('review', '1');
    else p.delete('review');
    setParams(p, { replace: true });
    setMarks({});
  };
  const onSaved = useCallback((lineId: string) => setIssues((m) => (m.has(lineId) ? new Map([...m].filter(([id]) => id !== lineId)) : m)), []);
  const onLineIssues = (found: Map<string, FieldIssue[]>) => {
    setIssues(found);
    if (found.size === 0) return;
    const withIssues = groups.filter((g) => g.lines.some((l) => found.has(l.id))).map((g) => g.key);
    setOpen((keys) => [...new Set([...(keys ?? groups.map((g) => g.key)), ...withIssues])]);
    setScrollTo(r?.lines.find((l) => found.has(l.id))?.id ?? null);
  };
  useEffect(() => {
    if (!scrollTo) return;
    document.querySelector(`[data-testid="report-line-${scrollTo}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    setScrollTo(null);
  }, [scrollTo]);

  if (!r || !rights) {
    return <LoadState testId="page-report" error={report.error} onRetry={() => void report.refetch()} backTo="/reports" backLabel={t('reporting.backToList')} />;
  }
  const back = isOffice(me) || !me.memberships.some((m) => m.unitId === r.unitId) ? { to: `/cycles/${r.cycleId}`, label: t('reporting.nav.cycles') } : { to: '/reports', label: t('reporting.nav.reports') };

  return (
    <PageContainer
      testId="page-report"
      breadcrumb={<Breadcrumb items={[{ title: <Link to={back.to}>{back.label}</Link> }, { title: `${r.unitName} · ${periodText(t, r.period)}` }]} />}
      title={<span data-testid="report-title">{t('reporting.reportTitle', { unit: r.unitName, period: periodText(t, r.period) })}</span>}
      extra={<ReportActions report={r} rights={rights} reviewing={reviewing} onStartReview={() => setReviewing(true)} onLineIssues={onLineIssues} onImport={() => setImporting(true)} />}
    >
      <ReportHeader report={r} />
      {reviewing && <ReviewBar report={r} marks={marks} onDone={() => setReviewing(false)} onCancel={() => setReviewing(false)} />}
      {!rights.edit && !reviewing && r.locked && <Alert type="info" showIcon title={t('reporting.lockedHint')} data-testid="report-locked-hint" />}
      <Flex justify="flex-end">
        <LineFilterSwitch value={filter} lines={r.lines} onChange={setFilter} />
      </Flex>
      {visible.length === 0 && <Empty description={t('reporting.lineFilter.empty')} data-testid="report-no-lines" />}
      <LineGroups
        reportId={r.id}
        groups={visible}
        editable={rights.edit && !reviewing}
        submitIssues={issues}
        onSaved={onSaved}
        review={reviewing ? marks : null}
        onReview={(lineId, checked, reason) => setMarks((m) => ({ ...m, [lineId]: { checked, reason } }))}
        open={open ?? visible.map((g) => g.key)}
        onOpen={setOpen}
      />
      <ReportImportModal reportId={r.id} open={importing} onClose={() => setImporting(false)} />
    </PageContainer>
  );
}
