import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '@lantu/core';

type Decimal = string | number | null | undefined;

/** Units written straight after the number (no space): 93.3%, 5‰. */
const TIGHT_UNITS = new Set(['%', '‰', '％']);

function toNumber(value: Decimal): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

export interface Formatter {
  /** 8.3333333 → "8.33"; null → "—". Decimal strings are only rounded for display, never stored back. */
  num: (value: Decimal, maxFraction?: number) => string;
  /** A figure with its unit of measure: "8.5 亿元", "93.3%". */
  qty: (value: Decimal, unit: string, maxFraction?: number) => string;
  /** A ratio as a percentage: 0.933 → "93.3%". */
  pct: (ratio: number | null | undefined, maxFraction?: number) => string;
  /** A signed gap in percentage points: "+1.2", "−0.8". */
  signed: (value: Decimal, maxFraction?: number) => string;
}

/** Number formatting in the UI language. */
export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  return useMemo(() => {
    const cache = new Map<number, Intl.NumberFormat>();
    const fmt = (digits: number) => {
      let f = cache.get(digits);
      if (!f) cache.set(digits, (f = new Intl.NumberFormat(lang, { maximumFractionDigits: digits })));
      return f;
    };
    const num = (value: Decimal, maxFraction = 2) => {
      const n = toNumber(value);
      return n === null ? '—' : fmt(maxFraction).format(n);
    };
    return {
      num,
      qty: (value, unit, maxFraction = 2) => {
        const text = num(value, maxFraction);
        if (text === '—' || !unit) return text;
        return TIGHT_UNITS.has(unit) ? `${text}${unit}` : `${text} ${unit}`;
      },
      pct: (ratio, maxFraction = 1) => (ratio === null || ratio === undefined ? '—' : `${num(ratio * 100, maxFraction)}%`),
      signed: (value, maxFraction = 2) => {
        const n = toNumber(value);
        if (n === null) return '—';
        const text = fmt(maxFraction).format(Math.abs(n));
        return n > 0 ? `+${text}` : n < 0 ? `−${text}` : text;
      },
    };
  }, [lang]);
}

/** The year-end value a `change` target leads to (baseline ± change), for display only. */
export function changeEnd(ind: Pick<Indicator, 'baseline' | 'target' | 'direction'>): number | null {
  const base = toNumber(ind.baseline);
  const delta = toNumber(ind.target);
  if (base === null || delta === null) return null;
  return ind.direction === 'decrease' ? base - delta : base + delta;
}

/** The i18n key and values of an indicator's target as a plan would state it ("控制在5.5%以内"). */
export function targetPhrase(ind: Indicator, f: Formatter): { key: string; values: Record<string, string> } {
  const u = ind.unitOfMeasure;
  const values = {
    target: f.qty(ind.target, u),
    baseline: f.qty(ind.baseline, u),
    low: f.qty(ind.bandLow, u),
    high: f.qty(ind.bandHigh, u),
    end: f.qty(changeEnd(ind), u),
  };
  switch (ind.kind) {
    case 'amount':
      return { key: 'indicators.phrase.amount', values };
    case 'level':
      return { key: `indicators.phrase.level_${ind.direction}`, values };
    case 'growth':
      return { key: `indicators.phrase.growth_${ind.direction}`, values };
    case 'limit':
      return { key: `indicators.phrase.limit_${ind.limitMode ?? 'at_most'}`, values };
    case 'change':
      return { key: `indicators.phrase.change_${ind.direction}`, values };
  }
}

/** Where a value in this kind is judged by the completion ratio (else by gap or bound). */
export function usesRatio(kind: Indicator['kind']): boolean {
  return kind === 'amount' || kind === 'level' || kind === 'change';
}
