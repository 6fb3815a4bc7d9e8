import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { type ProjectFilter, projectIndicatorSeries } from '@lantu/core';
import type { Database } from '../../db/client.js';
import { DEMO_ZONE_CODE } from '../../db/seed/seed.js';
import { testDatabase } from '../../../test/helpers.js';
import { zone } from '../zones/zones.table.js';
import { type ProgressOverlay, loadProjectFacts, projectSeries } from './series.js';
import { project, projectProgress } from './projects.table.js';

/*
 * projectSeries loads only what its indicators read (the projects their filters may select, the
 * progress of their two years, one sum per project before): the same series as computing from
 * everything the registry holds. The demo zone's registry, with older progress added so the sum
 * before the two years counts.
 */

let database: Database;
let zoneId: string;
let asOf: string;
beforeAll(async () => {
  database = await testDatabase();
  const { db } = database;
  const [z] = await db.select().from(zone).where(eq(zone.code, DEMO_ZONE_CODE));
  zoneId = z!.id;
  asOf = z!.asOfDate;
  const projects = await db.select().from(project).where(eq(project.zoneId, zoneId));
  // Progress of 2018 and 2019 for every project, and one not yet accepted.
  const older = projects.flatMap((p, i) => [
    { zoneId, projectId: p.id, period: '2018-06', completedInvestment: 100 + i, reviewState: 'accepted' },
    { zoneId, projectId: p.id, period: '2019-11', completedInvestment: 7 * i, reviewState: i % 3 === 0 ? 'submitted' : 'accepted' },
  ]);
  await db.insert(projectProgress).values(older).onConflictDoNothing();
});
afterAll(() => database.close());

const FILTERS: ProjectFilter[] = [
  { measure: 'count' },
  { measure: 'count', stageReached: 'started' },
  { measure: 'count', categories: ['industry'], stageReached: 'signed', year: 2021 },
  { measure: 'total_investment', batches: ['start'] },
  { measure: 'annual_investment', categories: ['infrastructure', 'innovation'] },
  { measure: 'completed_investment' },
  { measure: 'completed_investment', categories: ['industry'] },
  { measure: 'completed_investment', stageReached: 'started' },
  { measure: 'completed_investment', categories: ['industry'], year: 2021, stageReached: 'signed' },
];

const rowOf = (i: number, filter: ProjectFilter, kind: string, unitOfMeasure: string, year: number) => ({
  id: `ind-${i}`,
  kind,
  unitOfMeasure,
  year,
  source: 'projects',
  projectFilter: filter,
});

describe('projectSeries loads only what its indicators read', () => {
  it('computes every filter, kind and year as from the whole registry', async () => {
    const { db } = database;
    const everything = await loadProjectFacts(db, zoneId);
    const rows = FILTERS.flatMap((f, i) => [rowOf(3 * i, f, 'amount', '万元', 2021), rowOf(3 * i + 1, f, 'level', '亿元', 2021), rowOf(3 * i + 2, f, 'amount', '万元', 2020)]);
    // All together (one load for the lot), and each alone (its own narrower load).
    const together = await projectSeries(db, zoneId, rows, asOf);
    for (const r of rows) {
      const expected = Object.fromEntries(projectIndicatorSeries(everything, r.projectFilter, r.kind as 'amount', r.unitOfMeasure, r.year, asOf));
      expect(Object.fromEntries(together.get(r.id)!), JSON.stringify(r)).toEqual(expected);
      expect(Object.fromEntries((await projectSeries(db, zoneId, [r], asOf)).get(r.id)!), JSON.stringify(r)).toEqual(expected);
    }
  });

  it('lays progress in review over the accepted figures, also in a month before the two years', async () => {
    const { db } = database;
    const [p] = await db
      .select()
      .from(project)
      .where(and(eq(project.zoneId, zoneId), eq(project.category, 'industry')));
    const overlay: ProgressOverlay = new Map([[p!.id, new Map([['2019-03', 5000], ['2021-02', 1234]])]]);
    const everything = await loadProjectFacts(db, zoneId, overlay);
    for (const [i, f] of FILTERS.entries()) {
      const r = rowOf(i, f, 'level', '万元', 2021);
      const expected = Object.fromEntries(projectIndicatorSeries(everything, f, 'level', '万元', 2021, asOf));
      expect(Object.fromEntries((await projectSeries(db, zoneId, [r], asOf, undefined, overlay)).get(r.id)!), JSON.stringify(f)).toEqual(expected);
    }
  });
});
