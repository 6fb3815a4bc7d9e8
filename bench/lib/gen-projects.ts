import { PROJECT_BATCHES, PROJECT_CATEGORIES, PROJECT_STAGES } from '@lantu/core';
import type { ZoneCtx } from './gen-org.js';
import { prevPeriod } from './gen-indicators.js';
import { AS_OF, OPEN_PERIOD, PLAN_YEAR, monthsEnding } from './sizes.js';

/** 重点项目 with their six milestones, monthly progress and some open problems. */

const WORDS = ['智能制造', '新材料', '生物医药', '数字产业园', '综合管廊', '污水处理', '人才公寓', '科创中心', '物流园', '智慧城市', '学校', '医院'];
const FIRMS = ['华远', '中科', '恒泰', '蓝海', '国润', '天成', '鼎新', '嘉禾'];
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface ProjectFacts {
  projects: number;
  progress: number;
}

/** Stage dates of a project at `stage` (index): reached stages spread up to the business date, later ones planned ahead. */
function milestoneDates(c: ZoneCtx, stage: number): { planned: string[]; actual: (string | null)[] } {
  const start = Date.parse('2011-06-01');
  const end = Date.parse(AS_OF) - 10 * DAY;
  const span = (end - start) / (stage + 1);
  const planned: string[] = [];
  const actual: (string | null)[] = [];
  let last = start;
  for (let i = 0; i < PROJECT_STAGES.length; i++) {
    if (i <= stage) {
      const at = Math.max(last, Math.min(end, start + span * i + c.rng.int(0, 20) * DAY));
      actual.push(iso(at));
      planned.push(iso(at - c.rng.int(0, 40) * DAY));
      last = at;
    } else {
      // One project in five is overdue on its next milestone.
      const overdue = i === stage + 1 && c.rng.chance(0.2);
      actual.push(null);
      planned.push(iso(overdue ? end - c.rng.int(5, 60) * DAY : end + (i - stage) * 150 * DAY));
    }
  }
  // Planned dates must not go backwards either.
  for (let i = 1; i < planned.length; i++) if (planned[i]! < planned[i - 1]!) planned[i] = planned[i - 1]!;
  return { planned, actual };
}

export async function generateProjects(c: ZoneCtx): Promise<ProjectFacts> {
  const periods = monthsEnding(prevPeriod(OPEN_PERIOD), c.shape.projectMonths);
  let progress = 0;
  for (let n = 1; n <= c.shape.projects; n++) {
    const id = c.rng.uuid();
    const stage = c.rng.int(1, PROJECT_STAGES.length - 1);
    const total = c.rng.int(20, 800) * 1000;
    const batches = PROJECT_BATCHES.filter(() => c.rng.chance(0.25));
    const leadUnitId = c.rng.pick(c.units);
    await c.w.add('project', {
      id, zone_id: c.zoneId, code: `P${String(n).padStart(4, '0')}`, name: `${c.rng.pick(WORDS)}项目（${n}）`, category: c.rng.pick(PROJECT_CATEGORIES),
      enterprise: `${c.rng.pick(FIRMS)}发展有限公司`, description: null, lead_unit_id: leadUnitId, leader_id: c.rng.pick(c.leaders), year: PLAN_YEAR,
      total_investment: total, annual_investment: Math.round(total * c.rng.range(0.05, 0.2)), lat: 35.2 + c.rng.range(0, 0.1), lng: 113.2 + c.rng.range(0, 0.1),
      address: null, batches, stage: PROJECT_STAGES[stage]!, is_public: c.rng.chance(0.7), created_at: c.ts, updated_at: c.ts, created_by: null, version: 0,
    });
    const { planned, actual } = milestoneDates(c, stage);
    for (const [i, s] of PROJECT_STAGES.entries()) {
      await c.w.add('project_milestone', { id: c.rng.uuid(), zone_id: c.zoneId, project_id: id, stage: s, planned_date: planned[i]!, actual_date: actual[i]!, note: null, created_at: c.ts, updated_at: c.ts, created_by: null });
    }
    // Monthly investment adds up to at most 90 % of the total.
    const perMonth = (total * 0.6) / periods.length;
    for (const period of periods) {
      await c.w.add('project_progress', {
        id: c.rng.uuid(), zone_id: c.zoneId, project_id: id, period, completed_investment: Math.floor(perMonth * c.rng.range(0.5, 1.5)),
        image_progress: '按计划推进', note: null, review_state: 'accepted', report_id: null, created_at: c.ts, updated_at: c.ts, created_by: null, version: 0,
      });
      progress++;
    }
    if (c.rng.chance(0.2)) {
      await c.w.add('project_problem', {
        id: c.rng.uuid(), zone_id: c.zoneId, project_id: id, description: '用地指标需协调解决', owner_unit_id: c.rng.pick(c.units), deadline: '2022-01-15',
        state: 'open', resolution: null, created_at: c.ts, updated_at: c.ts, created_by: null, version: 0,
      });
    }
  }
  return { projects: c.shape.projects, progress };
}
