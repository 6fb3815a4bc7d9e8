import type { useTranslation } from 'react-i18next';
import type { Indicator, ProjectFilterBody } from '@lantu/core';

type TFn = ReturnType<typeof useTranslation>['t'];

/** Sources whose values are computed by the server and never entered: a formula, or the key-project registry. */
export function isComputed(ind: Pick<Indicator, 'source'>): boolean {
  return ind.source === 'formula' || ind.source === 'projects';
}

/** Kinds a project-driven indicator may take (the server refuses others). */
export const PROJECT_KINDS: readonly Indicator['kind'][] = ['amount', 'level'];

/** The filter as the indicator form holds it: any choice may be empty. */
export type ProjectFilterValues = Partial<{ [K in keyof ProjectFilterBody]: ProjectFilterBody[K] | null }>;

/** The filter as the API takes it: empty choices left out (they mean "any"). */
export function projectFilterBody(f: ProjectFilterValues | null | undefined): ProjectFilterBody {
  return {
    measure: f?.measure ?? 'count',
    ...(f?.categories?.length ? { categories: f.categories } : {}),
    ...(f?.batches?.length ? { batches: f.batches } : {}),
    ...(f?.stageReached ? { stageReached: f.stageReached } : {}),
    ...(typeof f?.year === 'number' ? { year: f.year } : {}),
  };
}

/**
 * A project filter as a phrase: "2021年工业类“开工一批”重点项目中已达到“开工”阶段的项目个数，按月取新增量" /
 * "Number of key projects on the 2021 list in Industry in the Start batch that have reached “Started”, as each month’s increase".
 */
export function projectFilterWords(t: TFn, f: ProjectFilterBody, kind: Indicator['kind']): string {
  const sep = t('indicators.projectFilter.words.listSep');
  const scope = [
    f.year !== undefined ? t('indicators.projectFilter.words.year', { year: f.year }) : '',
    f.categories?.length ? t('indicators.projectFilter.words.categories', { list: f.categories.map((c) => t(`indicators.projectFilter.category.${c}`)).join(sep) }) : '',
    f.batches?.length ? t('indicators.projectFilter.words.batches', { list: f.batches.map((b) => t(`indicators.projectFilter.batch.${b}`)).join(sep) }) : '',
  ].join('');
  return t('indicators.projectFilter.words.sentence', {
    scope,
    stage: f.stageReached ? t('indicators.projectFilter.words.stage', { stage: t(`indicators.projectFilter.stage.${f.stageReached}`) }) : '',
    measure: t(`indicators.projectFilter.words.measure.${f.measure}`),
    how: kind === 'amount' ? t('indicators.projectFilter.words.howAmount') : t('indicators.projectFilter.words.howLevel'),
  });
}
