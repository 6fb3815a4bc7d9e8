import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Session, type TestApp, login, testApp } from '../../../test/helpers.js';
import { MATRIX } from '../../../test/authz-matrix.js';

/**
 * The shared fuzz test reaches office-only routes as a leader (refused before validation). This one
 * drives every plan and indicator route as the office, with real ids and near-valid bodies, so
 * generated input reaches the services: never a 5xx, and every 4xx carries an error code.
 */
let t: TestApp;
let office: Session;
const real: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp();
  office = await login(t.app, 'office');
  real.planId = (await office.request('POST', '/api/v1/plans', { kind: 'annual', title: '模糊测试', startYear: 2021, endYear: 2021, levelLabels: ['任务'] })).json().id;
  const top = (await office.request('POST', `/api/v1/plans/${real.planId}/items`, { parentId: null, title: '上级' })).json();
  real.parentId = top.id;
  real.itemId = (await office.request('POST', `/api/v1/plans/${real.planId}/items`, { parentId: top.id, title: '任务' })).json().id;
  real.indicatorId = (await office.request('POST', `/api/v1/items/${real.itemId}/indicators`, { code: 'FZ-BASE', name: '指标', kind: 'amount', unitOfMeasure: '个', year: 2021, target: '10' })).json().id;
  real.valueId = (await office.request('PUT', `/api/v1/indicators/${real.indicatorId}/values/2021-01`, { value: '1' })).json().id;
});
afterAll(() => t.close());

const BASES: Record<string, Record<string, unknown>> = {
  'POST /api/v1/plans': { kind: 'annual', title: 't', startYear: 2021, endYear: 2021, levelLabels: ['a'] },
  'PATCH /api/v1/plans/:planId': { version: 0, title: 't' },
  'POST /api/v1/plans/:planId/items': { parentId: null, title: 't' },
  'PATCH /api/v1/items/:id': { version: 0, title: 't' },
  'POST /api/v1/items/:id/move': { version: 0, parentId: null, position: 0 },
  'POST /api/v1/items/:id/indicators': { code: 'FZ', name: 'n', kind: 'amount', unitOfMeasure: '个', year: 2021, target: '1' },
  'PATCH /api/v1/indicators/:id': { version: 0, target: '2' },
  'PUT /api/v1/indicators/:id/values/:period': { value: '1' },
};
const FIELDS = ['title', 'parentId', 'position', 'version', 'kind', 'code', 'formula', 'source', 'target', 'baseline', 'limitMode', 'bandLow', 'bandHigh', 'curve', 'thresholds', 'value', 'currentAmount', 'lastYearAmount', 'note', 'levelLabels', 'startYear', 'endYear', 'weight', 'manualProgress', 'alignedItemIds', 'coUnitIds', 'leadUnitId', 'leaderId', 'startDate', 'dueDate', 'year', 'status', 'progressMethod', 'frequency', 'direction'];
const junk = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('1e400', '-0', '0', '1.5', '-3', '150', '999999999999.999999', '[A] / 0', '((((1', '[FZ-BASE] * [FZ-BASE]', '2021-02-30', '2021-05-01', 'x'.repeat(20_000), '\u0000\ud800'),
  fc.constantFrom('limit', 'level', 'growth', 'change', 'formula', 'about', 'at_most', 'manual', 'indicators', 'archived', 'decrease', 'quarterly'),
  fc.array(fc.oneof(fc.uuid(), fc.double(), fc.string()), { maxLength: 13 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.double(), { maxKeys: 3 }),
  fc.uuid(),
);
const body = (route: string) => {
  const base = BASES[route] ?? {};
  return fc.oneof(
    fc.constant(base),
    fc.tuple(fc.constantFrom(...Object.keys(base), 'title'), junk).map(([k, v]) => ({ ...base, [k]: v })),
    fc.tuple(fc.constantFrom(...FIELDS), junk, fc.constantFrom(...FIELDS), junk).map(([k, v, k2, v2]) => ({ ...base, [k]: v, [k2]: v2 })),
    fc.dictionary(fc.constantFrom(...FIELDS), junk, { maxKeys: 5 }),
  );
};
const param = (name: string) =>
  fc.oneof(
    fc.constant(name === 'period' ? '2021-02' : (real[name === 'id' ? 'itemId' : name] ?? real.itemId!)),
    fc.constantFrom(real.indicatorId!, real.valueId!, real.parentId!, '00000000-0000-0000-0000-000000000000', 'not-a-uuid', '2021-13', '%00'),
  );
const query = fc.constantFrom('', '?page=0', '?pageSize=99999', `?planId=${'x'.repeat(50)}`, '?status=purple', '?focusId=00000000-0000-0000-0000-000000000000', '?q=%27%3B');

describe('plan and indicator routes under generated input, as the office', () => {
  it('answer 4xx with an error code or succeed, never 5xx', async () => {
    const failures: string[] = [];
    const routes = Object.keys(MATRIX)
      .filter((k) => /\/(plans|items|indicators|indicator-values|evidence)\b/.test(k) && !/\/(import|export|template)$/.test(k))
      .sort((a, b) => Number(a.startsWith('DELETE')) - Number(b.startsWith('DELETE')));
    for (const route of routes) {
      const [method, url] = route.split(' ') as [string, string];
      const names = [...url.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1]!);
      await fc.assert(
        fc.asyncProperty(fc.tuple(...names.map(param)), body(route), query, async (params, payload, q) => {
          let i = 0;
          const path = url.replace(/:[a-zA-Z]+/g, () => encodeURIComponent(params[i++] as string));
          const res = await office.request(method, path + (method === 'GET' ? q : ''), method === 'GET' || method === 'DELETE' ? undefined : payload);
          if (res.statusCode >= 500 || (res.statusCode >= 400 && !res.json().error?.code)) failures.push(`${route} ${res.statusCode} ${res.body.slice(0, 300)}`);
        }),
        { numRuns: 25, seed: 2021 },
      );
    }
    expect(failures).toEqual([]);
  });
});
