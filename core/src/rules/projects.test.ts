import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PROJECT_MEASURES,
  type MilestoneFact,
  type ProjectBatch,
  type ProjectCategory,
  type ProjectFacts,
  type ProjectFilter,
  type ProjectSeriesFacts,
  type ProjectStage,
  judgeProject,
  milestoneDelay,
  nextStage,
  previousStage,
  projectIndicatorSeries,
} from './projects.js';

const AS_OF = '2021-03-15';

const ms = (stage: ProjectStage, plannedDate: string | null, actualDate: string | null = null): MilestoneFact => ({ stage, plannedDate, actualDate });
/** A project under way (开工), 1,200万元 planned for the year, 200万元 done by February (on pace). */
const facts = (extra: Partial<ProjectFacts> = {}): ProjectFacts => ({ stage: 'started', milestones: [], annualInvestment: 1200, yearToDate: 200, ...extra });

describe('stage order', () => {
  it.each([
    ['planning', 'signed', null],
    ['started', 'structure_done', 'signed'],
    ['in_production', null, 'completed'],
  ] as const)('%s: next %s, previous %s', (s, next, prev) => {
    expect(nextStage(s)).toBe(next);
    expect(previousStage(s)).toBe(prev);
  });
});

describe('milestone delay', () => {
  it.each([
    ['reached late', ms('started', '2021-02-01', '2021-02-11'), 10],
    ['reached early', ms('started', '2021-02-01', '2021-01-27'), -5],
    ['pending and overdue', ms('started', '2021-03-01'), 14],
    ['pending, due today', ms('started', AS_OF), null],
    ['pending, not due yet', ms('started', '2021-04-01'), null],
    ['never planned', ms('started', null), null],
  ])('%s → %s', (_name, m, delay) => {
    expect(milestoneDelay(m, AS_OF)).toBe(delay);
  });
});

describe('judgeProject (as of 2021-03-15, month 2)', () => {
  const cases: [string, Partial<ProjectFacts>, Partial<ReturnType<typeof judgeProject>>][] = [
    ['on plan', {}, { status: 'green', overdueDays: 0, overdueStage: null, investmentRatio: 1, reasons: [] }],
    ['in production is done even when behind', { stage: 'in_production', yearToDate: 0, milestones: [ms('in_production', '2021-01-01', '2021-03-01')] }, { status: 'done', reasons: [] }],
    ['pending milestone 1 day overdue: yellow', { milestones: [ms('structure_done', '2021-03-14')] }, { status: 'yellow', overdueDays: 1, overdueStage: 'structure_done', reasons: ['milestone_overdue'] }],
    ['pending milestone 30 days overdue: still yellow', { milestones: [ms('structure_done', '2021-02-13')] }, { status: 'yellow', overdueDays: 30 }],
    ['pending milestone 31 days overdue: red', { milestones: [ms('structure_done', '2021-02-12')] }, { status: 'red', overdueDays: 31, reasons: ['milestone_overdue'] }],
    ['the most overdue milestone counts', { milestones: [ms('structure_done', '2021-03-10'), ms('completed', '2021-01-10')] }, { status: 'red', overdueDays: 64, overdueStage: 'completed' }],
    ['a reached milestone, however late, is not overdue', { milestones: [ms('structure_done', '2020-06-01', '2021-01-20')], stage: 'structure_done' }, { status: 'green', overdueDays: 0 }],
    ['a reached milestone above the current stage is not overdue', { milestones: [ms('structure_done', '2020-06-01', '2021-01-20')] }, { status: 'green', overdueDays: 0 }],
    ['milestones at or below the current stage are not pending', { milestones: [ms('signed', '2020-01-01'), ms('started', '2020-06-01')] }, { status: 'green', overdueDays: 0 }],
    ['a milestone not due yet is not overdue', { milestones: [ms('structure_done', '2021-06-30')] }, { status: 'green' }],
    ['investment at 95% of pace: green', { yearToDate: 190 }, { status: 'green', investmentRatio: 0.95 }],
    ['investment at 90% of pace: yellow', { yearToDate: 180 }, { status: 'yellow', investmentRatio: 0.9, reasons: ['investment_behind'] }],
    ['investment at 85% of pace: yellow', { yearToDate: 170 }, { status: 'yellow', investmentRatio: 0.85 }],
    ['investment at 80% of pace: red', { yearToDate: 160 }, { status: 'red', investmentRatio: 0.8, reasons: ['investment_behind'] }],
    ['both a slip and a lag: red wins, both reasons', { yearToDate: 150, milestones: [ms('structure_done', '2021-03-01')] }, { status: 'red', reasons: ['milestone_overdue', 'investment_behind'] }],
    ['February still in review: investment not judged yet', { yearToDate: 100, reportedThrough: 1 }, { status: 'green', investmentRatio: null, reasons: [] }],
    ['February still in review does not hide a slipped milestone', { yearToDate: 100, reportedThrough: 1, milestones: [ms('structure_done', '2021-01-31')] }, { status: 'red', investmentRatio: null }],
    ['nothing accepted this year though two months are owed: behind', { yearToDate: 100, reportedThrough: 0 }, { status: 'red', investmentRatio: 0.5 }],
    ['February accepted: judged on both months', { yearToDate: 100, reportedThrough: 2 }, { status: 'red', investmentRatio: 0.5 }],
    ['nothing planned for the year: no ratio', { annualInvestment: 0, yearToDate: 0 }, { status: 'green', investmentRatio: null }],
  ];
  it.each(cases)('%s', (_name, p, expected) => {
    expect(judgeProject(facts(p), AS_OF, 2)).toMatchObject(expected);
  });

  it('judges nothing on investment before the first month ends', () => {
    expect(judgeProject(facts({ yearToDate: 0 }), '2021-01-20', 0)).toMatchObject({ status: 'green', investmentRatio: null });
  });

  it('takes the plan’s thresholds and the delay rule when given', () => {
    const strict = { green: 0.99, yellow: 0.9, growthYellowGap: 1, limitMargin: 0.05 };
    expect(judgeProject(facts({ yearToDate: 190 }), AS_OF, 2, strict).status).toBe('yellow');
    expect(judgeProject(facts({ milestones: [ms('structure_done', '2021-03-05')] }), AS_OF, 2, undefined, { yellowDays: 7, redDays: 14 }).status).toBe('yellow');
    expect(judgeProject(facts({ milestones: [ms('structure_done', '2021-03-10')] }), AS_OF, 2, undefined, { yellowDays: 7, redDays: 14 }).status).toBe('green');
    expect(judgeProject(facts({ milestones: [ms('structure_done', '2021-02-20')] }), AS_OF, 2, undefined, { yellowDays: 7, redDays: 14 }).status).toBe('red');
  });
});

const project = (extra: Partial<ProjectSeriesFacts> = {}): ProjectSeriesFacts => ({
  category: 'industry',
  batches: [],
  year: 2021,
  totalInvestment: 10000,
  annualInvestment: 3000,
  reached: {},
  completed: new Map(),
  ...extra,
});
const series = (ps: ProjectSeriesFacts[], f: ProjectFilter, kind: 'amount' | 'level' = 'level', unit = '个', asOf = AS_OF) => Object.fromEntries(projectIndicatorSeries(ps, f, kind, unit, 2021, asOf));

describe('projectIndicatorSeries: counts', () => {
  // 续建 A started in 2020, B in January, C in February, D not yet.
  const ps = [
    project({ reached: { signed: '2019-05-01', started: '2020-07-10' } }),
    project({ reached: { signed: '2020-11-01', started: '2021-01-31' } }),
    project({ reached: { signed: '2020-12-01', started: '2021-02-01' } }),
    project({ reached: { signed: '2021-02-20' } }),
  ];

  it('level: projects that reached the stage by the end of each month', () => {
    const s = series(ps, { measure: 'count', stageReached: 'started' });
    expect(s['2020-06']).toBe('0');
    expect(s['2020-07']).toBe('1');
    expect(s['2020-12']).toBe('1');
    expect(s['2021-01']).toBe('2');
    expect(s['2021-02']).toBe('3');
  });

  it('amount: projects reaching the stage in each month, January against December of the year before', () => {
    const s = series(ps, { measure: 'count', stageReached: 'started' }, 'amount');
    expect(s['2020-01']).toBe('0');
    expect(s['2020-07']).toBe('1');
    expect(s['2020-08']).toBe('0');
    expect(s['2021-01']).toBe('1');
    expect(s['2021-02']).toBe('1');
    const signed = series(ps, { measure: 'count', stageReached: 'signed' }, 'amount');
    expect([signed['2020-11'], signed['2020-12'], signed['2021-01'], signed['2021-02']]).toEqual(['1', '1', '0', '1']);
  });

  it('without a stage, every selected project counts in every month', () => {
    const s = series(ps, { measure: 'count' });
    expect(s['2020-01']).toBe('4');
    expect(s['2021-02']).toBe('4');
    expect(series(ps, { measure: 'count' }, 'amount')['2020-01']).toBe('0');
  });

  it('produces the months of the year before and those completed before the business date, no later', () => {
    const s = series(ps, { measure: 'count' });
    expect(Object.keys(s)).toHaveLength(14);
    expect(Object.keys(s)[0]).toBe('2020-01');
    expect(s['2021-03']).toBeUndefined();
    // the last day of February itself: February is not yet complete
    expect(Object.keys(series(ps, { measure: 'count' }, 'level', '个', '2021-02-28')).pop()).toBe('2021-01');
    expect(Object.keys(series(ps, { measure: 'count' }, 'level', '个', '2021-03-01')).pop()).toBe('2021-02');
    expect(series(ps, { measure: 'count' }, 'level', '个', '2020-01-15')).toEqual({});
  });

  it('a later year sees the whole of both years', () => {
    expect(Object.keys(series(ps, { measure: 'count' }, 'level', '个', '2022-06-30'))).toHaveLength(24);
  });
});

describe('projectIndicatorSeries: filters', () => {
  const ps = [
    project({ category: 'industry', batches: ['start'], year: 2021 }),
    project({ category: 'industry', batches: ['sign', 'production'], year: 2021 }),
    project({ category: 'infrastructure', batches: ['start'], year: 2021 }),
    project({ category: 'industry', batches: ['start'], year: 2020 }),
  ];
  it.each([
    ['no filter', { measure: 'count' }, '4'],
    ['one category', { measure: 'count', categories: ['industry'] }, '3'],
    ['several categories', { measure: 'count', categories: ['industry', 'infrastructure'] }, '4'],
    ['an empty category list is no filter', { measure: 'count', categories: [] }, '4'],
    ['a batch', { measure: 'count', batches: ['start'] }, '3'],
    ['any of several batches', { measure: 'count', batches: ['sign', 'production'] }, '1'],
    ['the list’s year', { measure: 'count', year: 2021 }, '3'],
    ['all together', { measure: 'count', categories: ['industry'], batches: ['start'], year: 2021 }, '1'],
    ['nothing matches', { measure: 'count', categories: ['agriculture'] }, '0'],
  ] as [string, ProjectFilter, string][])('%s → %s', (_name, f, n) => {
    expect(series(ps, f)['2021-02']).toBe(n);
  });
});

describe('projectIndicatorSeries: money', () => {
  const ps = [
    project({
      totalInvestment: 250000,
      annualInvestment: 60000,
      reached: { started: '2020-09-01' },
      completed: new Map([
        ['2020-11', 5000],
        ['2020-12', 7000],
        ['2021-01', 4000],
        ['2021-02', 4500],
      ]),
    }),
    project({ totalInvestment: 80000, annualInvestment: 30000, reached: { started: '2021-02-10' }, completed: new Map([['2021-02', 1500]]) }),
  ];

  it('completed investment as an amount: each month’s progress, in 亿元', () => {
    const s = series(ps, { measure: 'completed_investment' }, 'amount', '亿元');
    expect(s['2020-11']).toBe('0.5');
    expect(s['2020-12']).toBe('0.7');
    expect(s['2021-01']).toBe('0.4');
    expect(s['2021-02']).toBe('0.6');
    // No project has progress for October 2020: the month is not known, rather than zero.
    expect(s['2020-10']).toBeUndefined();
  });

  it('completed investment as a level: the cumulative figure, in 万元', () => {
    const s = series(ps, { measure: 'completed_investment' }, 'level', '万元');
    expect(s['2020-12']).toBe('12000');
    expect(s['2021-02']).toBe('22000');
  });

  it('a project’s progress counts from the month it reached the stage', () => {
    const s = series(ps, { measure: 'completed_investment', stageReached: 'started' }, 'level', '万元');
    expect(s['2021-01']).toBe('16000');
    expect(s['2021-02']).toBe('22000');
    const amount = series(ps, { measure: 'completed_investment', stageReached: 'structure_done' }, 'amount', '亿元');
    expect(amount['2021-02']).toBe('0');
  });

  it('total and annual planned investment summed, scaled to 亿元, and kept in 万元 otherwise', () => {
    expect(series(ps, { measure: 'total_investment' }, 'level', '亿元')['2021-02']).toBe('33');
    expect(series(ps, { measure: 'annual_investment' }, 'level', '亿元')['2021-02']).toBe('9');
    expect(series(ps, { measure: 'total_investment' }, 'level', '万元')['2021-02']).toBe('330000');
    expect(series(ps, { measure: 'total_investment', stageReached: 'started' }, 'level', '亿元')['2021-01']).toBe('25');
    // 开工一批: total investment of the projects started in the month
    expect(series(ps, { measure: 'total_investment', stageReached: 'started' }, 'amount', '亿元')['2021-02']).toBe('8');
  });

  it('a count is never scaled, whatever the unit says', () => {
    expect(series(ps, { measure: 'count' }, 'level', '亿元')['2021-02']).toBe('2');
  });

  it('small sums stay exact decimals', () => {
    const one = [project({ completed: new Map([['2021-01', 1]]) })];
    expect(series(one, { measure: 'completed_investment' }, 'amount', '亿元')['2021-01']).toBe('0.0001');
  });
});

describe('projectIndicatorSeries: the integer sums agree with the month-by-month decimal computation', () => {
  // The straightforward definition: each month's level re-summed over every project and period.
  const reference = (ps: ProjectSeriesFacts[], f: ProjectFilter, kind: 'amount' | 'level', unit: string, year: number, asOf: string) => {
    const scale = f.measure === 'count' ? 1 : unit === '亿元' ? 10000 : 1;
    const selected = ps.filter(
      (p) => (!f.categories?.length || f.categories.includes(p.category)) && (!f.batches?.length || f.batches.some((b) => p.batches.includes(b))) && (f.year === undefined || p.year === f.year),
    );
    const levelAt = (end: string, upTo: string) => {
      let level = new Decimal(0);
      for (const p of selected) {
        const at = f.stageReached ? p.reached[f.stageReached] : undefined;
        if (f.stageReached && (!at || at > end)) continue;
        if (f.measure === 'count') level = level.plus(1);
        else if (f.measure === 'total_investment') level = level.plus(p.totalInvestment);
        else if (f.measure === 'annual_investment') level = level.plus(p.annualInvestment);
        else for (const [q, v] of p.completed) if (q <= upTo) level = level.plus(v);
      }
      return level;
    };
    const out: Record<string, string> = {};
    let previous = levelAt(`${year - 2}-12-31`, `${year - 2}-12`);
    for (let y = year - 1; y <= year; y++) {
      for (let m = 1; m <= 12; m++) {
        const q = `${y}-${String(m).padStart(2, '0')}`;
        const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
        if (end >= asOf) return out;
        const level = levelAt(end, q);
        if (f.measure !== 'completed_investment' || selected.some((p) => p.completed.has(q))) out[q] = (kind === 'amount' ? level.minus(previous) : level).div(scale).toString();
        previous = level;
      }
    }
    return out;
  };
  const day = fc.integer({ min: 0, max: 5 * 366 }).map((d) => new Date(Date.UTC(2018, 6, 1) + d * 86_400_000).toISOString().slice(0, 10));
  const month = fc.integer({ min: 0, max: 59 }).map((i) => `${2018 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  const money = fc.integer({ min: -2000, max: 500_000 });
  const facts = fc.record({
    category: fc.constantFrom('industry', 'infrastructure'),
    batches: fc.subarray(['sign', 'start', 'production'] as ProjectBatch[]),
    year: fc.constantFrom(2020, 2021),
    totalInvestment: money,
    annualInvestment: money,
    reached: fc.record({ signed: day, started: day }, { requiredKeys: [] }),
    completed: fc.array(fc.tuple(month, money), { maxLength: 30 }).map((pairs) => new Map(pairs)),
  }) as fc.Arbitrary<ProjectSeriesFacts>;
  const filter = fc.record(
    {
      measure: fc.constantFrom(...PROJECT_MEASURES),
      categories: fc.subarray(['industry', 'agriculture'] as ProjectCategory[]),
      batches: fc.subarray(['start', 'production'] as ProjectBatch[]),
      stageReached: fc.constantFrom('signed', 'started', 'completed') as fc.Arbitrary<ProjectStage>,
      year: fc.constantFrom(2020, 2021),
    },
    { requiredKeys: ['measure'] },
  ) as fc.Arbitrary<ProjectFilter>;

  it('on random registries, filters, kinds, units and dates', () => {
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 12 }), filter, fc.constantFrom('amount', 'level') as fc.Arbitrary<'amount' | 'level'>, fc.constantFrom('万元', '亿元'), fc.constantFrom(2020, 2021), day, (ps, f, kind, unit, year, asOf) => {
        expect(Object.fromEntries(projectIndicatorSeries(ps, f, kind, unit, year, asOf))).toEqual(reference(ps, f, kind, unit, year, asOf));
      }),
      { numRuns: 500 },
    );
  });

  it('money that is not whole 万元 is still summed exactly', () => {
    const ps = [project({ completed: new Map([['2021-01', 0.1], ['2021-02', 0.2]]) })];
    expect(series(ps, { measure: 'completed_investment' }, 'level', '万元')['2021-02']).toBe('0.3');
  });
});
