import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, desc, eq } from 'drizzle-orm';
import type { ProjectStage } from '@lantu/core';
import { auditEvent } from '../audit/audit.table.js';
import { project, projectMilestone, projectProgress } from '../projects/projects.table.js';
import { type Session, type TestApp, login, testApp } from '../../../test/helpers.js';
import { headers, loadXlsx, toBuffer, upload, workbook } from '../exchange/exchange.test-helpers.js';
import { indicator, indicatorValue } from './indicators.table.js';

/*
 * Indicators computed from the key-project registry, judged as of the demo zone's business date
 * 2021-03-15 (February is the judged month). The zone's own projects are cleared in this test's
 * database copy so the registry holds exactly the projects below.
 */

let t: TestApp;
let office: Session;
let zoneId: string;
let planId: string;
let itemId: string;
const ids: Record<string, string> = {};
const projectIds: Record<string, string> = {};

interface ProjectSpec {
  code: string;
  category?: string;
  stage: ProjectStage;
  /** stage → [planned, actual] */
  milestones?: Partial<Record<ProjectStage, [string | null, string | null]>>;
  /** period → [万元, review state] */
  progress?: Record<string, [number, string?]>;
}

async function addProject(p: ProjectSpec): Promise<void> {
  const db = t.database.db;
  const [row] = await db
    .insert(project)
    .values({ zoneId, code: p.code, name: `项目${p.code}`, category: p.category ?? 'industry', year: 2021, totalInvestment: 50000, annualInvestment: 24000, stage: p.stage })
    .returning();
  projectIds[p.code] = row!.id;
  for (const [stage, [plannedDate, actualDate]] of Object.entries(p.milestones ?? {})) {
    await db.insert(projectMilestone).values({ zoneId, projectId: row!.id, stage, plannedDate, actualDate });
  }
  for (const [period, [completedInvestment, reviewState = 'accepted']] of Object.entries(p.progress ?? {})) {
    await db.insert(projectProgress).values({ zoneId, projectId: row!.id, period, completedInvestment, reviewState });
  }
}

async function addIndicator(body: Record<string, unknown>) {
  const res = await office.request('POST', `/api/v1/items/${itemId}/indicators`, { year: 2021, ...body });
  expect(res.statusCode, res.body).toBe(201);
  ids[body.code as string] = res.json().id;
  return res.json();
}
const get = async (code: string) => (await office.request('GET', `/api/v1/indicators/${ids[code]}`)).json();
const monthly = async (code: string) =>
  Object.fromEntries((await office.request('GET', `/api/v1/indicators/${ids[code]}/series`)).json().months.map((m: { period: string; value: string | null }) => [m.period, m.value]));
const fieldsOf = (res: { json(): { error: { details: { fields: unknown[] } } } }) => res.json().error.details.fields;
const indicatorCount = async () => (await t.database.db.select({ n: count() }).from(indicator).where(eq(indicator.zoneId, zoneId)))[0]!.n;
const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditEvent))[0]!.n;

const STARTED = { measure: 'count', categories: ['industry'], stageReached: 'started', year: 2021 };

beforeAll(async () => {
  t = await testApp();
  office = await login(t.app, 'office');
  zoneId = (await office.request('GET', '/api/v1/auth/me')).json().zone.id;
  await t.database.db.delete(project).where(eq(project.zoneId, zoneId));
  const plan = await office.request('POST', '/api/v1/plans', { kind: 'annual', title: '2021年重点项目', startYear: 2021, endYear: 2021, levelLabels: ['聚焦', '任务'] });
  planId = plan.json().id;
  const item = await office.request('POST', `/api/v1/plans/${planId}/items`, { parentId: null, title: '抓好重点项目建设', progressMethod: 'indicators' });
  expect(item.statusCode, item.body).toBe(201);
  itemId = item.json().id;
  // 续建 A started in 2020; B in January; C in February (ten days late); D, infrastructure, in January; E signed, due to start on 02-20.
  await addProject({ code: 'A', stage: 'started', milestones: { started: ['2020-08-01', '2020-08-10'] }, progress: { '2020-12': [2000], '2021-01': [3000], '2021-02': [5000] } });
  await addProject({ code: 'B', stage: 'started', milestones: { started: ['2021-01-15', '2021-01-20'] }, progress: { '2021-01': [1000, 'submitted'], '2021-02': [4000] } });
  await addProject({ code: 'C', stage: 'started', milestones: { started: ['2021-02-05', '2021-02-15'] } });
  await addProject({ code: 'D', category: 'infrastructure', stage: 'started', milestones: { started: ['2021-01-05', '2021-01-05'] }, progress: { '2021-02': [9000] } });
  await addProject({ code: 'E', stage: 'signed', milestones: { signed: ['2021-01-10', '2021-01-10'], started: ['2021-02-20', null] } });
});
afterAll(() => t.close());

describe('an indicator computed from the key-project registry', () => {
  it('counts the industry projects that reached 开工, month by month, and judges the count', async () => {
    // expected path 1 → 13: 3 at the end of February
    const created = await addIndicator({ code: 'PROJ-START', name: '工业项目开工数', kind: 'level', unitOfMeasure: '个', baseline: '1', target: '13', source: 'projects', projectFilter: STARTED });
    expect(created).toMatchObject({ source: 'projects', projectFilter: STARTED });
    expect(await monthly('PROJ-START')).toMatchObject({ '2021-01': '2', '2021-02': '3', '2021-03': null });
    expect((await get('PROJ-START')).evaluation).toMatchObject({ month: 2, actual: '3', status: 'green', ratio: 1 });
  });

  it('a slipped 开工 lowers February’s count and turns the indicator and its item red', async () => {
    await t.database.db
      .update(projectMilestone)
      .set({ actualDate: '2021-03-02' })
      .where(and(eq(projectMilestone.projectId, projectIds.C!), eq(projectMilestone.stage, 'started')));
    expect(await monthly('PROJ-START')).toMatchObject({ '2021-01': '2', '2021-02': '2' });
    expect((await get('PROJ-START')).evaluation).toMatchObject({ actual: '2', status: 'red', ratio: 0.5 });
    const items = (await office.request('GET', `/api/v1/plans/${planId}/items`)).json().items;
    expect(items.find((i: { id: string }) => i.id === itemId)).toMatchObject({ status: 'red' });
  });

  it('a project stepped back below the stage no longer counts, even with its date still recorded', async () => {
    await t.database.db.update(project).set({ stage: 'signed' }).where(eq(project.id, projectIds.B!));
    expect(await monthly('PROJ-START')).toMatchObject({ '2021-01': '1', '2021-02': '1' });
    await t.database.db.update(project).set({ stage: 'started' }).where(eq(project.id, projectIds.B!));
  });

  it('sums the accepted monthly progress of industry projects in 亿元; progress not yet accepted does not count', async () => {
    await addIndicator({ code: 'PROJ-INV', name: '工业项目完成投资', kind: 'amount', unitOfMeasure: '亿元', target: '6', source: 'projects', projectFilter: { measure: 'completed_investment', categories: ['industry'] } });
    expect(await monthly('PROJ-INV')).toMatchObject({ '2021-01': '0.3', '2021-02': '0.9' });
    // 1.2 of 1.0 expected by February
    expect((await get('PROJ-INV')).evaluation).toMatchObject({ actual: '1.2', status: 'green', ratio: 1.2 });
    await t.database.db.update(projectProgress).set({ reviewState: 'accepted' }).where(eq(projectProgress.projectId, projectIds.B!));
    expect(await monthly('PROJ-INV')).toMatchObject({ '2021-01': '0.4' });
    expect((await get('PROJ-INV')).evaluation).toMatchObject({ actual: '1.3' });
  });

  it('changes its filter under the lock, with the change in the audit trail', async () => {
    const before = await get('PROJ-INV');
    const res = await office.request('PATCH', `/api/v1/indicators/${ids['PROJ-INV']}`, { version: before.version, projectFilter: { measure: 'completed_investment' } });
    expect(res.statusCode, res.body).toBe(200);
    // the infrastructure project's 0.9 亿元 now counts too
    expect(res.json().evaluation).toMatchObject({ actual: '2.2' });
    const [event] = await t.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'indicator.update'), eq(auditEvent.objectId, ids['PROJ-INV']!))).orderBy(desc(auditEvent.id)).limit(1);
    expect(event!.summary).toMatchObject({ before: { projectFilter: { measure: 'completed_investment', categories: ['industry'] } }, after: { projectFilter: { measure: 'completed_investment' } } });
    const stale = await office.request('PATCH', `/api/v1/indicators/${ids['PROJ-INV']}`, { version: before.version, projectFilter: { measure: 'count' } });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses entered values: they are computed, and nothing is saved', async () => {
    const audits = await auditCount();
    const put = await office.request('PUT', `/api/v1/indicators/${ids['PROJ-START']}/values/2021-02`, { value: '9' });
    expect(put.statusCode).toBe(400);
    expect(fieldsOf(put)).toEqual([{ field: 'value', issue: 'computed_source' }]);
    const del = await office.request('DELETE', `/api/v1/indicators/${ids['PROJ-START']}/values/2021-02`);
    expect(fieldsOf(del)).toEqual([{ field: 'value', issue: 'computed_source' }]);
    expect((await t.database.db.select({ n: count() }).from(indicatorValue).where(eq(indicatorValue.indicatorId, ids['PROJ-START']!)))[0]!.n).toBe(0);
    expect((await office.request('GET', `/api/v1/indicators/${ids['PROJ-START']}/values`)).json().total).toBe(0);
    expect(await auditCount()).toBe(audits);
  });

  it('a formula over a project-driven indicator evaluates', async () => {
    await addIndicator({ code: 'OTHER-INV', name: '其他投资', kind: 'amount', unitOfMeasure: '亿元', target: '6' });
    for (const [period, value] of [['2021-01', '0.5'], ['2021-02', '0.5']]) {
      expect((await office.request('PUT', `/api/v1/indicators/${ids['OTHER-INV']}/values/${period}`, { value })).statusCode).toBe(200);
    }
    await addIndicator({ code: 'ALL-INV', name: '完成投资合计', kind: 'amount', unitOfMeasure: '亿元', target: '12', source: 'formula', formula: '[PROJ-INV] + [OTHER-INV]' });
    expect(await monthly('ALL-INV')).toMatchObject({ '2021-01': '0.9', '2021-02': '2.3' });
    expect((await get('ALL-INV')).evaluation).toMatchObject({ actual: '3.2', status: 'green' });
    const put = await office.request('PUT', `/api/v1/indicators/${ids['ALL-INV']}/values/2021-02`, { value: '1' });
    expect(fieldsOf(put)).toEqual([{ field: 'value', issue: 'computed_source' }]);
    // the plan's roll-up sees the same figures
    const list = (await office.request('GET', `/api/v1/indicators?planId=${planId}`)).json().items;
    expect(list.find((i: { code: string }) => i.code === 'ALL-INV').evaluation.actual).toBe('3.2');
  });
});

describe('the rules of a project-driven indicator', () => {
  const base = { name: '项目指标', kind: 'level', unitOfMeasure: '个', baseline: '0', target: '10', year: 2021 };
  const create = (body: Record<string, unknown>) => office.request('POST', `/api/v1/items/${itemId}/indicators`, { ...base, ...body });

  it.each([
    ['source projects without a filter', { code: 'R1', source: 'projects' }, [{ field: 'projectFilter', issue: 'required' }]],
    ['a filter on a reported indicator', { code: 'R2', source: 'reported', projectFilter: STARTED }, [{ field: 'projectFilter', issue: 'projects_source_only' }]],
    ['a growth rate from projects', { code: 'R3', kind: 'growth', source: 'projects', projectFilter: STARTED }, [{ field: 'kind', issue: 'not_for_source', limit: 'amount|level' }]],
    ['investment counted in 个', { code: 'R4', source: 'projects', projectFilter: { measure: 'total_investment' } }, [{ field: 'unitOfMeasure', issue: 'money_unit_required', limit: '万元|亿元' }]],
  ])('refuses %s, naming the field, saving nothing', async (_name, body, fields) => {
    const before = await indicatorCount();
    const res = await create(body);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(fields);
    expect(await indicatorCount()).toBe(before);
  });

  it('refuses a filter that is not one', async () => {
    const res = await create({ code: 'R5', source: 'projects', projectFilter: { measure: 'count', stageReached: 'demolished' } });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(fieldsOf(res))).toContain('projectFilter');
  });

  it('takes a filter without a source as a project-driven indicator', async () => {
    const res = await create({ code: 'R6', projectFilter: { measure: 'total_investment' }, unitOfMeasure: '万元' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ source: 'projects', evaluation: { actual: '250000' } });
  });

  it('an indicator with entered values does not turn computed until they are removed', async () => {
    const other = await get('OTHER-INV');
    const res = await office.request('PATCH', `/api/v1/indicators/${ids['OTHER-INV']}`, { version: other.version, source: 'projects', projectFilter: { measure: 'completed_investment' } });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([{ field: 'source', issue: 'has_values', limit: 2 }]);
    expect((await get('OTHER-INV')).source).toBe('reported');
  });

  it('leaving source projects needs the filter cleared in the same change', async () => {
    const cur = await get('PROJ-START');
    const keep = await office.request('PATCH', `/api/v1/indicators/${ids['PROJ-START']}`, { version: cur.version, source: 'reported' });
    expect(fieldsOf(keep)).toEqual([{ field: 'projectFilter', issue: 'projects_source_only' }]);
    const ok = await office.request('PATCH', `/api/v1/indicators/${ids['PROJ-START']}`, { version: cur.version, source: 'reported', projectFilter: null });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ source: 'reported', projectFilter: null, evaluation: { status: 'nodata' } });
  });
});

describe('Excel exchange of a plan with project-driven indicators', () => {
  const indicatorsSheet = (...rows: unknown[][]) => ({
    事项: [['编码', '标题'], ['1', '抓好重点项目建设']],
    指标: [['事项编码', '指标编码', '名称', '类型', '计量单位', '目标值', '来源'], ...rows],
  });
  const errorsOf = (res: { json(): { error: { details: { errors: { column: string; row: number; issue: string }[] } } } }) =>
    res.json().error.details.errors.map((e) => `${e.column}${e.row} ${e.issue}`);

  it('re-importing the definitions keeps every project filter, also when a row changes the target', async () => {
    const tpl = await loadXlsx((await office.request('GET', `/api/v1/plans/${planId}/template?kind=items`)).rawPayload);
    expect((await upload(office, planId, 'items', await toBuffer(tpl))).json()).toMatchObject({ ok: true, updated: { indicators: 0 } });
    const res = await upload(office, planId, 'items', await workbook(indicatorsSheet(['1', 'PROJ-INV', '工业项目完成投资', '总量', '亿元', 7, '项目'])));
    expect(res.json(), res.body).toMatchObject({ ok: true, updated: { indicators: 1 } });
    expect(await get('PROJ-INV')).toMatchObject({ target: '7', source: 'projects', projectFilter: { measure: 'completed_investment' } });
  });

  it('an import can neither make an indicator project-driven nor take one off the projects', async () => {
    const before = await indicatorCount();
    const res = await upload(
      office,
      planId,
      'items',
      await workbook(indicatorsSheet(['1', 'NEW-P', '新项目指标', '总量', '个', 3, '项目'], ['1', 'PROJ-INV', '工业项目完成投资', '总量', '亿元', 7, '填报'])),
    );
    expect(res.statusCode).toBe(400);
    expect(errorsOf(res)).toEqual(['G2 projects_filter_missing', 'G3 projects_source_only']);
    expect(await indicatorCount()).toBe(before);
    expect((await get('PROJ-INV')).source).toBe('projects');
  });

  it('values of computed indicators are neither offered nor taken', async () => {
    const tpl = await loadXlsx((await office.request('GET', `/api/v1/plans/${planId}/template?kind=values`)).rawPayload);
    const codes = (tpl.getWorksheet('月度数据')!.getColumn(1).values as unknown[]).slice(2);
    expect(codes).toContain('OTHER-INV');
    expect(codes).not.toContain('PROJ-INV');
    expect(codes).not.toContain('ALL-INV');
    const res = await upload(office, planId, 'values', await workbook({ 月度数据: [['指标编码', '期间', '数值'], ['OTHER-INV', '2021-02', 0.6], ['PROJ-INV', '2021-02', 1], ['ALL-INV', '2021-02', 2]] }));
    expect(res.statusCode).toBe(400);
    expect(errorsOf(res)).toEqual(['A3 computed_source', 'A4 computed_source']);
    expect(res.json().error.details.errors[0].message).toBe('月度数据 第 3 行 A 列：指标编码“PROJ-INV”按公式或重点项目自动计算，不能填报数值');
    expect((await get('OTHER-INV')).evaluation.actual).toBe('1');
  });

  it('the export shows the computed monthly values', async () => {
    const wb = await loadXlsx((await office.request('GET', `/api/v1/plans/${planId}/export`)).rawPayload);
    const ws = wb.getWorksheet('月度数据')!;
    const head = headers(ws);
    const row = (code: string) => ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).value === code)!;
    const at = (code: string, period: string) => row(code).getCell(head.indexOf(period) + 1).value;
    expect([at('PROJ-INV', '2021-01'), at('PROJ-INV', '2021-02'), at('PROJ-INV', '2021-03')]).toEqual([0.4, 1.8, null]);
    expect(at('ALL-INV', '2021-02')).toBe(2.3);
    expect(head).not.toContain('2020-12');
  });
});
