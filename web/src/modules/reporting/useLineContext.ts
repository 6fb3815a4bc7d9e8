import { useMemo } from 'react';
import type { ReportDetail } from '@lantu/core';
import { useItemsById } from '../plans/hooks';
import { useAllProjects } from '../projects/hooks';

const NO_ITEMS: ReadonlySet<string> = new Set();
const NO_PROJECTS: ReadonlyMap<string, number> = new Map();

/**
 * What the lines need beyond the report: which items are measured by hand (their lines take a
 * progress %), and what remains of each project's total (total minus accepted progress), shown
 * beside the month's investment while the report is not yet accepted.
 */
export function useLineContext(report: ReportDetail | undefined) {
  const itemIds = useMemo(() => [...new Set((report?.lines ?? []).filter((l) => l.kind === 'item' && l.itemId).map((l) => l.itemId!))], [report?.lines]);
  const items = useItemsById(itemIds);
  const hasProjects = (report?.lines ?? []).some((l) => l.kind === 'project');
  const projects = useAllProjects(report ? { unitId: report.unitId } : {}, Boolean(report) && hasProjects && report?.state !== 'accepted');
  // the query results are a new array each render: key the set on the manual items' ids
  const manualKey = items.flatMap((q) => (q.data?.progressMethod === 'manual' ? [q.data.id] : [])).join(',');
  const manualItems = useMemo(() => (manualKey ? new Set(manualKey.split(',')) : NO_ITEMS), [manualKey]);
  const remaining = useMemo(() => {
    if (!projects.data || report?.state === 'accepted') return NO_PROJECTS;
    return new Map(projects.data.map((p) => [p.id, p.totalInvestment - p.cumulativeInvestment]));
  }, [projects.data, report?.state]);
  return { manualItems, remaining };
}
