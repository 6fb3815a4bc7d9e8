import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { AuditEvent } from '@lantu/core';
import zhPlans from '../../i18n/zh-CN/plans.json';
import enPlans from '../../i18n/en-US/plans.json';
import { describeEvent } from './history';

/** How an item's timeline reads an Excel import of values (one audit event for the whole file). */

async function translator(lang: 'zh-CN' | 'en-US') {
  const i = i18next.createInstance();
  await i.init({ lng: lang, resources: { 'zh-CN': { translation: { plans: zhPlans } }, 'en-US': { translation: { plans: enPlans } } }, interpolation: { escapeValue: false } });
  return i.t;
}

const importEvent = (months: number): AuditEvent =>
  ({
    id: '1',
    at: '2021-03-15T02:00:00.000Z',
    action: 'indicator_value.import',
    objectType: 'plan',
    objectId: null,
    result: 'success',
    summary: {
      kind: 'values',
      file: '2021年月度数据.xlsx',
      indicators: [
        {
          code: 'GDP',
          periods: Array.from({ length: months }, (_, n) => `2021-${String(n + 1).padStart(2, '0')}`),
          before: Array.from({ length: months }, (_, n) => (n === 0 ? null : String(n))),
          after: Array.from({ length: months }, (_, n) => (n === 1 ? { value: '7.9', currentAmount: '107.9', lastYearAmount: '100' } : String(n + 10))),
        },
      ],
    },
  }) as unknown as AuditEvent;

describe('an import in the item history', () => {
  it('names the file and lists each month changed, before and after', async () => {
    const view = describeEvent(await translator('zh-CN'), importEvent(2), () => undefined);
    expect(view.title).toBe('Excel 导入数值（2021年月度数据.xlsx）');
    expect(view.lines).toEqual(['GDP 2021-01：（空） → 10', 'GDP 2021-02：1 → 7.9']);
    const en = describeEvent(await translator('en-US'), importEvent(1), () => undefined);
    expect(en.title).toBe('Values imported from Excel (2021年月度数据.xlsx)');
  });

  it('shows the first 24 months and how many more', async () => {
    const view = describeEvent(await translator('zh-CN'), { ...importEvent(12), summary: { file: 'x.xlsx', indicators: Array.from({ length: 3 }, (_, k) => ({ ...(importEvent(12).summary as { indicators: object[] }).indicators[0], code: `I${k}` })) } } as AuditEvent, () => undefined);
    expect(view.lines).toHaveLength(25);
    expect(view.lines.at(-1)).toBe('……另有 12 项');
  });
});
