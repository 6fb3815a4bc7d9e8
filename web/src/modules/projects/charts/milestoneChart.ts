import type { GlobalToken } from 'antd';
import type { useTranslation } from 'react-i18next';
import { DEFAULT_DELAY_RULE, PROJECT_STAGES, type Milestone, type ProjectStage } from '@lantu/core';
import type { ProjectChartOption, ScatterSeriesOption } from './register';

type TFn = ReturnType<typeof useTranslation>['t'];
const DAY_MS = 86_400_000;
type MarkLineData = NonNullable<NonNullable<ScatterSeriesOption['markLine']>['data']>;

/** The colour of a delay: on time or early green, a slip yellow, beyond the red limit red. */
export function delayColor(token: GlobalToken, delay: number | null): string {
  if (delay === null || delay <= 0) return token.colorSuccess;
  return delay > DEFAULT_DELAY_RULE.redDays ? token.colorError : token.colorWarning;
}

interface Point {
  value: [string, string];
  stage: ProjectStage;
  milestone: Milestone;
  itemStyle?: { color: string; borderColor?: string };
}

/** Planned → actual (or planned → business date while pending and late) as a coloured segment per stage. */
function delaySegments(milestones: Milestone[], label: (s: ProjectStage) => string, asOf: string, token: GlobalToken): MarkLineData {
  const out: MarkLineData = [];
  for (const m of milestones) {
    if (!m.plannedDate) continue;
    const end = m.actualDate ?? (m.delayDays !== null && m.delayDays > 0 ? asOf : null);
    if (!end || end === m.plannedDate) continue;
    const color = m.actualDate ? delayColor(token, m.delayDays) : token.colorError;
    out.push([
      { coord: [m.plannedDate, label(m.stage)], lineStyle: { color, width: 3, type: m.actualDate ? 'solid' : 'dashed' } },
      { coord: [end, label(m.stage)] },
    ]);
  }
  return out;
}

/**
 * The milestone timeline: one row per stage (谋划 at the top), the planned date as a hollow marker,
 * the actual date as a filled marker coloured by its delay, the slip between them as a segment, a
 * pending late milestone dashed up to the business date, and the business date itself.
 */
export function milestoneChartOption(milestones: Milestone[], asOf: string, t: TFn, token: GlobalToken): ProjectChartOption {
  const label = (s: ProjectStage) => t(`projects.stage.${s}`);
  const byStage = PROJECT_STAGES.map((s) => milestones.find((m) => m.stage === s) ?? { stage: s, plannedDate: null, actualDate: null, delayDays: null });
  const planned: Point[] = byStage.filter((m) => m.plannedDate).map((m) => ({ value: [m.plannedDate!, label(m.stage)], stage: m.stage, milestone: m }));
  const actual: Point[] = byStage
    .filter((m) => m.actualDate)
    .map((m) => ({ value: [m.actualDate!, label(m.stage)], stage: m.stage, milestone: m, itemStyle: { color: delayColor(token, m.delayDays) } }));
  const delayText = (m: Milestone) =>
    m.delayDays === null ? '' : m.delayDays > 0 ? t(m.actualDate ? 'projects.timeline.late' : 'projects.timeline.overdue', { count: m.delayDays }) : m.delayDays < 0 ? t('projects.timeline.early', { count: -m.delayDays }) : t('projects.timeline.onTime');
  const tooltip = (p: Point) =>
    [
      `<b>${label(p.stage)}</b>`,
      `${t('projects.timeline.planned')}: ${p.milestone.plannedDate ?? '—'}`,
      `${t('projects.timeline.actual')}: ${p.milestone.actualDate ?? '—'}`,
      delayText(p.milestone),
    ]
      .filter(Boolean)
      .join('<br/>');

  // the axis spans every date and the business date (marker lines do not widen it), with a margin so end markers show whole
  const times = [...byStage.flatMap((m) => [m.plannedDate, m.actualDate]), asOf].filter((d): d is string => Boolean(d)).map((d) => Date.parse(d));
  const margin = Math.max(15 * DAY_MS, (Math.max(...times) - Math.min(...times)) * 0.04);
  return {
    textStyle: { fontFamily: token.fontFamily },
    grid: { left: 8, right: 32, top: 56, bottom: 8, containLabel: true },
    legend: { top: 0, left: 'center', textStyle: { color: token.colorTextSecondary }, itemGap: token.marginLG },
    tooltip: { trigger: 'item', formatter: (p) => tooltip((p as unknown as { data: Point }).data) },
    xAxis: {
      type: 'time',
      min: Math.min(...times) - margin,
      max: Math.max(...times) + margin,
      axisLine: { lineStyle: { color: token.colorBorder } },
      axisLabel: { color: token.colorTextSecondary, hideOverlap: true },
      splitLine: { show: true, lineStyle: { color: token.colorSplit } },
    },
    yAxis: {
      type: 'category',
      data: PROJECT_STAGES.map(label),
      inverse: true,
      axisLine: { lineStyle: { color: token.colorBorder } },
      axisLabel: { color: token.colorText },
      splitLine: { show: true, lineStyle: { color: token.colorSplit, type: 'dashed' } },
    },
    series: [
      {
        name: t('projects.timeline.planned'),
        type: 'scatter',
        data: planned,
        symbol: 'emptyCircle',
        symbolSize: 14,
        itemStyle: { color: token.colorTextTertiary, borderWidth: 2 },
        z: 2,
        markLine: {
          silent: true,
          symbol: ['none', 'none'],
          data: [
            ...delaySegments(byStage, label, asOf, token),
            {
              xAxis: asOf,
              lineStyle: { color: token.colorPrimary, type: 'dotted', width: 1.5 },
              // the stage axis runs top-down, so the line's start is its top
              label: { formatter: t('projects.timeline.asOf', { date: asOf }), color: token.colorPrimary, position: 'start' },
            },
          ],
        },
      },
      {
        name: t('projects.timeline.actual'),
        type: 'scatter',
        data: actual,
        symbol: 'circle',
        symbolSize: 14,
        itemStyle: { color: token.colorSuccess },
        z: 3,
      },
    ],
  };
}
