import type { Direction, Frequency, IndicatorKind, LimitMode, ProgressMethod } from '@lantu/core';

/** One month's value as the demo seeds it (always `accepted`; reporting cycles come later). */
export interface SeedValue {
  /** `2021-02`; months of the year before the indicator's give the seasonal profile. */
  period: string;
  value: string;
  /** growth: this year's and last year's same-period cumulative amounts. */
  currentAmount?: string;
  lastYearAmount?: string;
  note?: string;
}

/** An indicator of the demo plans; numbers are decimal strings, units of measure as the page states them. */
export interface SeedIndicator {
  /** Unique in the zone (INV-2021). */
  code: string;
  name: string;
  kind: IndicatorKind;
  direction?: Direction;
  unit: string;
  year: number;
  baseline?: string;
  target: string;
  limitMode?: LimitMode;
  curve?: number[];
  frequency?: Frequency;
  /** Code of the reporting unit in DEMO_UNITS. */
  reportingUnit: string;
  /** The page's phrase the target comes from. */
  sourceText: string;
  isPublic?: boolean;
  values: SeedValue[];
}

/** A plan item with everything below it. Units are DEMO_UNITS codes, people demo usernames. */
export interface SeedItem {
  /** A name other items align to (strategic items only). */
  key?: string;
  title: string;
  description?: string;
  lead?: string;
  co?: string[];
  /** 分管领导 (username). */
  leader?: string;
  owner?: string;
  weight?: string;
  start?: string;
  due?: string;
  /** Defaults: `indicators` when the item has indicators, `children` when it has children, else `manual`. */
  method?: ProgressMethod;
  /** method `manual`: 0–100; left out while nobody has assessed the item yet. */
  manual?: string;
  isPublic?: boolean;
  /** Keys of the strategic items this item delivers. */
  align?: string[];
  indicators?: SeedIndicator[];
  children?: SeedItem[];
}

export interface SeedPlan {
  kind: 'strategic' | 'annual';
  title: string;
  description: string;
  startYear: number;
  endYear: number;
  levelLabels: string[];
  isPublic: boolean;
  /** Item dates when an item gives none. */
  defaultStart: string;
  defaultDue: string;
  items: SeedItem[];
}

/** Twelve months of values of one year, `null` where a month has none. */
export function months(year: number, values: (string | null)[], notes: Record<number, string> = {}): SeedValue[] {
  const out: SeedValue[] = [];
  values.forEach((value, i) => {
    if (value === null) return;
    const note = notes[i + 1];
    out.push({ period: `${year}-${String(i + 1).padStart(2, '0')}`, value, ...(note ? { note } : {}) });
  });
  return out;
}
