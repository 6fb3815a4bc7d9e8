import type { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@lantu/core';

type TFn = ReturnType<typeof useTranslation>['t'];
type Obj = Record<string, unknown>;

/** Names for ids that appear in audit summaries (units, people, items). */
export type NameOf = (id: string) => string | undefined;

export interface EventView {
  /** "修改事项" / "填报 2021-02 数值" … */
  title: string;
  /** One line per changed field: "牵头单位：经济发展局 → 科技创新局". */
  lines: string[];
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Fields that say nothing to a reader of the timeline. */
const HIDDEN = new Set(['version', 'position', 'planId', 'itemId', 'indicatorId', 'curve', 'thresholds']);

/** Fields whose stored values are codes with a translated label. */
const VALUE_LABELS: Record<string, string> = {
  reviewState: 'indicators.review',
  progressMethod: 'plans.method',
  kind: 'indicators.kind',
  limitMode: 'indicators.limitMode',
  frequency: 'indicators.frequency',
  source: 'indicators.source',
  direction: 'indicators.direction',
};

function showField(t: TFn, key: string, v: unknown, nameOf: NameOf): string {
  const prefix = VALUE_LABELS[key];
  if (prefix && typeof v === 'string') return t(`${prefix}.${v}`, { defaultValue: v });
  return show(t, v, nameOf);
}

function show(t: TFn, v: unknown, nameOf: NameOf): string {
  if (v === null || v === undefined || v === '') return t('plans.history.empty');
  if (typeof v === 'boolean') return v ? t('plans.yes') : t('plans.no');
  if (Array.isArray(v)) return v.length ? v.map((x) => show(t, x, nameOf)).join(t('plans.history.separator')) : t('plans.history.empty');
  if (typeof v === 'string' && UUID.test(v)) return nameOf(v) ?? `${v.slice(0, 8)}…`;
  if (isObj(v)) return JSON.stringify(v);
  const text = String(v);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function label(t: TFn, key: string): string {
  return t(`plans.fields.${key}`, { defaultValue: t(`indicators.fields.${key}`, { defaultValue: key }) });
}

/** "字段：前 → 后" for every field whose value changed (all fields of a creation or deletion). */
function diffLines(t: TFn, before: unknown, after: unknown, nameOf: NameOf): string[] {
  const b = isObj(before) ? before : {};
  const a = isObj(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k));
  const lines: string[] = [];
  for (const k of keys) {
    const from = showField(t, k, b[k], nameOf);
    const to = showField(t, k, a[k], nameOf);
    if (from === to) continue;
    if (!isObj(before)) lines.push(t('plans.history.set', { field: label(t, k), value: to }));
    else if (!isObj(after)) lines.push(t('plans.history.set', { field: label(t, k), value: from }));
    else lines.push(t('plans.history.change', { field: label(t, k), from, to }));
  }
  return lines;
}

/** Lines shown of an import: one per month changed, then how many more. */
const IMPORT_LINES = 24;

/** "CODE 2021-02：4.2 → 4.3" for each month an import changed (the item's own indicators only). */
function importLines(t: TFn, s: Obj, nameOf: NameOf): string[] {
  const valueOf = (v: unknown) => show(t, isObj(v) ? v.value : v, nameOf);
  const all: string[] = [];
  for (const c of Array.isArray(s.indicators) ? s.indicators : []) {
    if (!isObj(c) || !Array.isArray(c.periods)) continue;
    const before = Array.isArray(c.before) ? c.before : [];
    const after = Array.isArray(c.after) ? c.after : [];
    c.periods.forEach((period, n) => all.push(t('plans.history.change', { field: `${String(c.code)} ${String(period)}`, from: valueOf(before[n]), to: valueOf(after[n]) })));
  }
  return all.length > IMPORT_LINES ? [...all.slice(0, IMPORT_LINES), t('plans.history.more', { count: all.length - IMPORT_LINES })] : all;
}

/** The reader's view of one audit event of an item, its indicators or their values. */
export function describeEvent(t: TFn, e: AuditEvent, nameOf: NameOf): EventView {
  const s = isObj(e.summary) ? e.summary : {};
  const code = typeof s.code === 'string' ? s.code : '';
  const period = typeof s.period === 'string' ? s.period : '';
  const name = (e.objectId ? nameOf(e.objectId) : undefined) ?? code;
  const title = t(`plans.history.actions.${e.action}`, { code, period, name, defaultValue: e.action });
  switch (e.action) {
    case 'indicator_value.put':
    case 'indicator_value.delete':
      return { title, lines: diffLines(t, s.before, s.after, nameOf) };
    case 'indicator_value.evidence_add':
      return { title, lines: [t('plans.history.file', { name: show(t, s.name, nameOf) })] };
    case 'indicator_value.import':
      return { title: t('plans.history.actions.indicator_value.import', { file: typeof s.file === 'string' ? s.file : '' }), lines: importLines(t, s, nameOf) };
    case 'indicator.delete':
      return { title, lines: [show(t, isObj(s.before) ? `${String(s.before.code)} ${String(s.before.name)}` : '', nameOf)] };
    case 'plan_item.delete':
      return { title, lines: [show(t, isObj(s.before) ? `${String(s.before.code)} ${String(s.before.title)}` : '', nameOf)] };
    default:
      return { title, lines: diffLines(t, s.before, s.after, nameOf) };
  }
}
