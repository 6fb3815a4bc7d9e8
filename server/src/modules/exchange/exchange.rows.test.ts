import { describe, expect, it } from 'vitest';
import { numberToDecimal, readDate, readDecimal, readItemCode, readPeriod, rawOf } from './exchange.cells.js';
import { colLetter } from './exchange.columns.js';
import { type ItemsContext, planItemsImport } from './exchange.items-rows.js';
import { planValuesImport } from './exchange.values-rows.js';
import { reportOf } from './exchange.messages.js';
import type { RawRow, SheetData } from './exchange.rows.js';

const U1 = '00000000-0000-4000-8000-000000000001';
const U2 = '00000000-0000-4000-8000-000000000002';
const I1 = '00000000-0000-4000-8000-0000000000a1';

const ITEM_COLS = { code: 'A', title: 'B', leadUnit: 'C', coUnits: 'D', weight: 'E', startDate: 'F', dueDate: 'G', progressMethod: 'H', isPublic: 'I' };
const IND_COLS = { itemCode: 'A', code: 'B', name: 'C', kind: 'D', direction: 'E', unitOfMeasure: 'F', year: 'G', baseline: 'H', target: 'I', limitMode: 'J', bandLow: 'K', bandHigh: 'L', frequency: 'M', source: 'N', formula: 'O', reportingUnit: 'P', weight: 'Q' };
const sheet = (key: SheetData['key'], name: string, columns: Record<string, string>, rows: Record<string, unknown>[]): SheetData => ({
  key,
  name,
  columns,
  rows: rows.map((cells, i): RawRow => ({ row: i + 2, cells: cells as RawRow['cells'] })),
});

const ctx = (over: Partial<ItemsContext> = {}): ItemsContext => ({
  planId: 'p1',
  startYear: 2021,
  endYear: 2021,
  units: [
    { id: U1, code: 'JFJ', name: '经济发展局', shortName: '经发局' },
    { id: U2, code: 'ZSJ', name: '招商和投资促进局', shortName: '招商局' },
  ],
  items: [],
  indicators: [],
  ...over,
});

describe('cells', () => {
  it('reads what Excel holds the way the user meant it', () => {
    expect(rawOf({ formula: 'A1*2', result: 14 })).toBe(14);
    expect(rawOf({ richText: [{ text: '投资' }, { text: '50亿' }] })).toBe('投资50亿');
    expect(rawOf('   ')).toBeNull();
    expect(numberToDecimal(0.1 + 0.2)).toBe('0.3');
    expect(numberToDecimal(1e-7)).toBe('0.0000001');
    expect(readDecimal('1,234.50')).toEqual({ ok: true, value: '1234.50' });
    expect(readDecimal('五十')).toEqual({ ok: false, issue: 'not_a_number' });
    expect(readDate(new Date(Date.UTC(2021, 2, 15)))).toEqual({ ok: true, value: '2021-03-15' });
    expect(readDate('2021/3/5')).toEqual({ ok: true, value: '2021-03-05' });
    expect(readDate('2021-02-30').ok).toBe(false);
    expect(readDate(44270)).toEqual({ ok: true, value: '2021-03-15' });
    expect(readPeriod(new Date(Date.UTC(2021, 2, 1)))).toEqual({ ok: true, value: '2021-03' });
    expect(readPeriod('2021年3月')).toEqual({ ok: true, value: '2021-03' });
    expect(readPeriod('2021-13').ok).toBe(false);
    expect(readItemCode('1.10')).toEqual({ ok: true, value: '1.10' });
    expect(readItemCode(1.1)).toEqual({ ok: false, issue: 'code_as_number' });
    expect(readItemCode(3)).toEqual({ ok: true, value: '3' });
    expect(readItemCode('1..2').ok).toBe(false);
    expect([1, 26, 27, 52, 703].map(colLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});

describe('items rows', () => {
  it('plans creates parents first, resolving units by code, full name and short name', () => {
    const plan = planItemsImport(
      {
        items: sheet('items', '事项', ITEM_COLS, [
          { code: '1.2', title: '乙', leadUnit: 'ZSJ' },
          { code: '1', title: '甲', leadUnit: '经济发展局', coUnits: '招商局；JFJ', weight: 2, isPublic: '是', progressMethod: '按指标' },
          { code: '1.1', title: '丙', startDate: '2021-01-01', dueDate: new Date(Date.UTC(2021, 11, 31)) },
        ]),
        indicators: sheet('indicators', '指标', IND_COLS, [{ itemCode: '1.1', code: 'INV-2021', name: '完成投资', kind: '总量', unitOfMeasure: '亿元', target: 50 }]),
      },
      ctx(),
    );
    expect(plan.issues).toEqual([]);
    expect(plan.items.map((o) => o.code)).toEqual(['1', '1.1', '1.2']);
    expect(plan.items[0]).toMatchObject({ op: 'create', parentCode: null, body: { title: '甲', leadUnitId: U1, coUnitIds: [U2, U1], weight: '2', isPublic: true, progressMethod: 'indicators' } });
    expect(plan.items[1]).toMatchObject({ body: { startDate: '2021-01-01', dueDate: '2021-12-31' } });
    expect(plan.indicators[0]).toMatchObject({ op: 'create', itemCode: '1.1', body: { kind: 'amount', target: '50', year: 2021 } });
  });

  it('names every bad cell: tree gaps, unknown parents, duplicates, bad numbers, unknown units and items', () => {
    const plan = planItemsImport(
      {
        items: sheet('items', '事项', ITEM_COLS, [
          { code: '1', title: '甲', leadUnit: '不存在局' },
          { code: '5', title: '乙' },
          { code: '1', title: '重复' },
          { code: '4.1', title: '孤儿' },
          { code: '2', title: '', weight: 'x' },
        ]),
        indicators: sheet('indicators', '指标', IND_COLS, [
          { itemCode: '9', code: 'A1', name: 'n', kind: '体量', unitOfMeasure: '个', target: 'abc' },
          { itemCode: '1', code: 'L1', name: '水平', kind: 'level', unitOfMeasure: '个', target: 5 },
        ]),
      },
      ctx(),
    );
    const where = plan.issues.map((i) => `${i.sheetName}!${i.column}${i.row} ${i.issue}`);
    expect(where).toEqual([
      '事项!C2 unknown_unit',
      '事项!A3 code_gap',
      '事项!A4 duplicate',
      '事项!A5 parent_missing',
      '事项!B6 required',
      '事项!E6 not_a_number',
      '指标!A2 unknown_item',
      '指标!D2 unknown_option',
      '指标!I2 not_a_number',
      '指标!H3 required',
    ]);
    expect(plan.items).toEqual([]);
    const report = reportOf(plan.issues, 'zh-CN').errors;
    expect(report[1]!.message).toBe('事项 第 3 行 A 列：编码须紧接同级已有事项连续编号，此处应为 3（填写的是 5）');
    expect(report[8]!.message).toBe('指标 第 2 行 I 列：目标值应为数字（填写的是“abc”）');
    expect(reportOf(plan.issues, 'en-US').errors[8]!.message).toBe('指标 row 2, column I: Target must be a number (got "abc")');
  });

  it('updates only what changed, keeps blank cells, and refuses a code of another plan', () => {
    const items = [{ id: 'i1', code: '1', version: 3, title: '甲', leadUnitId: U1, coUnitIds: [], weight: '1', startDate: null, dueDate: null, progressMethod: 'children', isPublic: false }];
    const indicators = [
      { id: 'x1', code: 'INV', planId: 'p1', itemCode: '1', version: 0, position: 0, fields: { code: 'INV', name: '投资', kind: 'amount', unitOfMeasure: '亿元', year: 2021, target: '50.0', weight: '1' } },
      { id: 'x2', code: 'OTHER', planId: 'p2', itemCode: '1', version: 0, position: 0, fields: {} },
    ];
    const plan = planItemsImport(
      {
        items: sheet('items', '事项', ITEM_COLS, [{ code: '1', title: '甲', weight: '1.00' }, { code: '2', title: '乙' }]),
        indicators: sheet('indicators', '指标', IND_COLS, [
          { itemCode: '1', code: 'INV', name: '投资', kind: '总量', unitOfMeasure: '亿元', target: 60 },
          { itemCode: '1', code: 'OTHER', name: 'x', kind: '总量', unitOfMeasure: '个', target: 1 },
        ]),
      },
      ctx({ items, indicators }),
    );
    expect(plan.issues.map((i) => `${i.column}${i.row} ${i.issue}`)).toEqual(['B3 code_taken']);
    const ok = planItemsImport(
      {
        items: sheet('items', '事项', ITEM_COLS, [{ code: '1', title: '甲', weight: '1.00' }, { code: '2', title: '乙' }]),
        indicators: sheet('indicators', '指标', IND_COLS, [{ itemCode: '1', code: 'INV', name: '投资', kind: '总量', unitOfMeasure: '亿元', target: 60 }]),
      },
      ctx({ items, indicators }),
    );
    expect(ok.issues).toEqual([]);
    expect(ok.unchanged).toBe(1);
    expect(ok.items).toEqual([{ op: 'create', row: 3, code: '2', parentCode: null, body: { title: '乙' } }]);
    expect(ok.indicators).toEqual([{ op: 'update', row: 2, code: 'INV', id: 'x1', body: { version: 0, target: '60' } }]);
  });

  it('orders formula indicators after those they reference, and checks formulas', () => {
    const plan = planItemsImport(
      {
        indicators: sheet('indicators', '指标', IND_COLS, [
          { itemCode: '1', code: 'SUM', name: '合计', kind: '总量', unitOfMeasure: '亿元', target: 9, source: '公式', formula: '[A] + [B]' },
          { itemCode: '1', code: 'A', name: 'a', kind: '总量', unitOfMeasure: '亿元', target: 4 },
          { itemCode: '1', code: 'B', name: 'b', kind: '总量', unitOfMeasure: '亿元', target: 5 },
          { itemCode: '1', code: 'BAD', name: 'c', kind: '总量', unitOfMeasure: '亿元', target: 5, source: '公式', formula: '[A] + [ZZZ]' },
        ]),
      },
      ctx({ items: [{ id: 'i1', code: '1', version: 0, title: 't', leadUnitId: null, coUnitIds: [], weight: '1', startDate: null, dueDate: null, progressMethod: 'children', isPublic: false }] }),
    );
    expect(plan.issues.map((i) => `${i.column}${i.row} ${i.issue} ${i.got}`)).toEqual(['O5 unknown_reference ZZZ']);
  });
});

describe('values rows', () => {
  const VCOLS = { code: 'A', period: 'B', value: 'C', currentAmount: 'D', lastYearAmount: 'E', note: 'F' };
  const vctx = {
    indicators: [{ id: I1, itemId: 'item', code: 'INV', kind: 'amount', year: 2021, source: 'reported' }, { id: 'g', itemId: 'item', code: 'GDP', kind: 'growth', year: 2021, source: 'reported' }],
  };
  it('skips empty prefilled rows, plans what the value service would store, reports unknown codes and duplicates', () => {
    const plan = planValuesImport(
      sheet('values', '月度数据', VCOLS, [
        { code: 'INV', period: '2021-01', value: 4.5 },
        { code: 'INV', period: '2021-02', value: '5' },
        { code: 'INV', period: '2021-03' },
        { code: 'GDP', period: '2021-02', currentAmount: 110, lastYearAmount: 100 },
      ]),
      vctx,
    );
    expect(plan.issues).toEqual([]);
    expect(plan).toMatchObject({ skipped: 1 });
    expect(plan.values.map((v) => [v.code, v.period, v.value, v.currentAmount, v.lastYearAmount, 'note' in v])).toEqual([
      ['INV', '2021-01', '4.5', null, null, false],
      ['INV', '2021-02', '5', null, null, false],
      ['GDP', '2021-02', '10', '110', '100', false],
    ]);
    const bad = planValuesImport(
      sheet('values', '月度数据', VCOLS, [
        { code: 'NOPE', period: '2021-01', value: 1 },
        { code: 'INV', period: '2021-1-5', value: 1 },
        { code: 'INV', period: '2021-02', value: 1 },
        { code: 'INV', period: '2021-02', value: 2 },
        { code: 'INV', period: '2021-04', note: 'only a note' },
        { code: 'INV', period: '2019-12', value: 3 },
        { code: 'INV', period: '2021-05', value: 3, currentAmount: 5 },
        { code: 'GDP', period: '2021-05', currentAmount: 5 },
      ]),
      vctx,
    );
    expect(bad.issues.map((i) => `${i.column}${i.row} ${i.issue}`)).toEqual([
      'A2 unknown_indicator',
      'B3 invalid_period',
      'B5 duplicate',
      'C6 required',
      'B7 out_of_year',
      'D8 growth_only',
      'E9 required',
    ]);
  });
});
