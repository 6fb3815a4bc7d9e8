import type { PutLineBody, ReportLine } from '@lantu/core';

/** What the form holds for a line while it is typed in: every figure as text ('' = empty). */
export interface LineDraft {
  value: string;
  currentAmount: string;
  lastYearAmount: string;
  completedInvestment: string;
  imageProgress: string;
  progress: string;
  note: string;
}

const text = (v: string | number | null) => (v === null ? '' : String(v));

export function draftOf(l: ReportLine): LineDraft {
  return {
    value: text(l.value),
    currentAmount: text(l.currentAmount),
    lastYearAmount: text(l.lastYearAmount),
    completedInvestment: text(l.completedInvestment),
    imageProgress: text(l.imageProgress),
    progress: text(l.progress),
    note: text(l.note),
  };
}

/** The fields a line of each kind carries (as the server's KIND_FIELDS). */
export function fieldsOfLine(l: Pick<ReportLine, 'kind' | 'indicatorKind' | 'progressMethod'>): (keyof LineDraft)[] {
  if (l.kind === 'indicator') return l.indicatorKind === 'growth' ? ['value', 'currentAmount', 'lastYearAmount', 'note'] : ['value', 'note'];
  if (l.kind === 'project') return ['completedInvestment', 'imageProgress', 'note'];
  return l.progressMethod === 'manual' ? ['note', 'progress'] : ['note'];
}

/** Fields whose text differs from the saved line. */
export function changedFields(draft: LineDraft, base: ReportLine, fields: (keyof LineDraft)[]): (keyof LineDraft)[] {
  const saved = draftOf(base);
  return fields.filter((f) => draft[f].trim() !== saved[f].trim());
}

/**
 * The PUT body of the changed fields: numbers as the API takes them (decimal strings; integer 万元),
 * an emptied field as null.
 */
export function bodyOf(draft: LineDraft, changed: (keyof LineDraft)[], version: number): PutLineBody {
  const body: PutLineBody = { version };
  for (const f of changed) {
    const v = draft[f].trim();
    if (f === 'completedInvestment') body.completedInvestment = v === '' ? null : Number(v);
    else body[f] = v === '' ? null : v;
  }
  return body;
}

export interface LineGroup {
  key: string;
  /** Item code (null for the key projects group). */
  code: string | null;
  title: string;
  lines: ReportLine[];
}

export const PROJECTS_GROUP = 'projects';

/** Lines grouped by plan item in report order; project lines together under one group (重点项目), last. */
export function groupLines(lines: ReportLine[], projectsTitle: string): LineGroup[] {
  const groups = new Map<string, LineGroup>();
  for (const l of lines) {
    const key = l.kind === 'project' || !l.itemId ? PROJECTS_GROUP : l.itemId;
    let g = groups.get(key);
    if (!g) {
      g = key === PROJECTS_GROUP ? { key, code: null, title: projectsTitle, lines: [] } : { key, code: l.itemCode, title: l.itemTitle ?? l.label, lines: [] };
      groups.set(key, g);
    }
    g.lines.push(l);
  }
  const out = [...groups.values()];
  // the server orders by item code with project lines last; keep the key projects at the end either way
  return [...out.filter((g) => g.key !== PROJECTS_GROUP), ...out.filter((g) => g.key === PROJECTS_GROUP)];
}

/** A flagged line still needs its explanatory note (the saved one counts). */
export function needsNote(l: ReportLine): boolean {
  return l.flags.length > 0 && (l.note ?? '').trim() === '';
}
