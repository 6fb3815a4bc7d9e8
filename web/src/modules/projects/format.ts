import { useMemo } from 'react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** 1 亿元 = 10 000 万元. */
const WAN_PER_YI = 10_000;

export interface MoneyFormat {
  /**
   * An amount in 万元 as people read it: zh-CN "9.80 亿元" from 1 亿 up, else "5,000 万元";
   * en-US in millions of yuan ("CNY 980.00M"). Null → "—".
   */
  money: (wan: number | null | undefined) => string;
  /** A plain number in the UI language ("12,345"). */
  num: (n: number | null | undefined, maxFraction?: number) => string;
  /** 0.933 → "93.3%". */
  pct: (ratio: number | null | undefined) => string;
}

export function useMoney(): MoneyFormat {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  return useMemo(() => {
    const fixed2 = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const num = (n: number | null | undefined, maxFraction = 0) =>
      n === null || n === undefined || !Number.isFinite(n) ? '—' : new Intl.NumberFormat(lang, { maximumFractionDigits: maxFraction }).format(n);
    const money = (wan: number | null | undefined) => {
      if (wan === null || wan === undefined) return '—';
      if (lang === 'en-US') return t('projects.money.million', { value: fixed2.format(wan / 100) });
      if (Math.abs(wan) >= WAN_PER_YI) return t('projects.money.yi', { value: fixed2.format(wan / WAN_PER_YI) });
      return t('projects.money.wan', { value: num(wan) });
    };
    const pct = (ratio: number | null | undefined) => (ratio === null || ratio === undefined ? '—' : `${num(ratio * 100, 1)}%`);
    return { money, num, pct };
  }, [lang, t]);
}

/** `2021-03` → the month's label in the UI language ("2021年3月" / "Mar 2021"). */
export function periodLabel(t: ReturnType<typeof useTranslation>['t'], period: string): string {
  return dayjs(`${period}-01`).format(t('projects.periodFormat'));
}
