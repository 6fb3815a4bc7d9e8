import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The floors: the answers of the plan overview and of the indicator detail, each computed by one
 * hand-written SQL query run directly on the database driver (no HTTP, no ORM, no JavaScript
 * arithmetic). What a query includes and leaves out is written in bench/README.md.
 */

/** Runs one SQL text with parameters; rows back. */
export type RawQuery = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export function pgliteQuery(pglite: PGlite): RawQuery {
  return async (text, params) => (await pglite.query<Record<string, unknown>>(text, params)).rows;
}

export function postgresQuery(url: string): { query: RawQuery; close: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  return { query: async (text, params) => (await pool.query(text, params)).rows as Record<string, unknown>[], close: () => pool.end() };
}

/**
 * Plan overview ($1 plan id): every item in tree order with names, co-units, alignments,
 * indicator count, progress (weighted mean of capped indicator ratios or status scores, then of
 * children, four levels), status by the default thresholds and the red items below it. Indicators
 * are judged from their stored accepted values of their year up to the last month owed at their
 * frequency: amounts against linear 序时进度, levels and changes along the straight path from the
 * baseline to the year-end goal, growth by the gap in points, limits by their bound; formula and
 * project-driven indicators have no stored values and count as no data here (the API computes them).
 */
export const PLAN_OVERVIEW_SQL = `
with recursive
z as (select zo.as_of_date as as_of, extract(year from zo.as_of_date)::int as y, extract(month from zo.as_of_date)::int - 1 as m
      from plan p join zone zo on zo.id = p.zone_id where p.id = $1),
it as (select i.*, cardinality(string_to_array(i.code, '.')) as depth, string_to_array(i.code, '.')::int[] as path from plan_item i where i.plan_id = $1),
ind0 as (select d.*, case when d.year < z.y then 12 when d.year > z.y then 0 else z.m end as judged_month,
         case d.frequency when 'quarterly' then 3 when 'half_yearly' then 6 when 'annual' then 12 else 1 end as step
       from indicator d join it on it.id = d.item_id cross join z),
ind as (select ind0.*, (judged_month / step) * step as em,
         case when kind = 'change' then case when direction = 'decrease' then baseline - target else baseline + target end else target end as goal
       from ind0),
v as (select ind.id as indicator_id, x.total, x.latest
      from ind cross join lateral (
        select sum(v.value) as total, max(v.value) filter (where v.period = ind.year || '-' || lpad(ind.em::text, 2, '0')) as latest, count(*) as n
        from indicator_value v
        where v.indicator_id = ind.id and v.review_state = 'accepted' and v.period >= ind.year || '-01' and v.period <= ind.year || '-' || lpad(ind.em::text, 2, '0')) x
      where ind.em > 0 and x.n > 0),
judged as (
  select ind.id, ind.item_id, ind.weight::float8 as weight, ind.kind,
    case
      when v.latest is null then 'nodata'
      when ind.kind = 'growth' then case when v.latest - ind.target >= 0 then 'green' when v.latest - ind.target >= -1 then 'yellow' else 'red' end
      when ind.kind = 'limit' and ind.limit_mode = 'at_most' then case when v.latest > ind.target then 'red' when v.latest > ind.target * 0.95 then 'yellow' else 'green' end
      when ind.kind = 'limit' and ind.limit_mode = 'at_least' then case when v.latest < ind.target then 'red' when v.latest < ind.target * 1.05 then 'yellow' else 'green' end
      when ind.kind = 'limit' then case when v.latest < ind.band_low or v.latest > ind.band_high then 'red'
        when v.latest < ind.band_low * 1.05 or v.latest > ind.band_high * 0.95 then 'yellow' else 'green' end
      when ind.kind = 'amount' and v.total >= ind.goal then 'done'
      when ind.kind in ('level', 'change') and ((ind.direction = 'increase' and v.latest >= ind.goal) or (ind.direction = 'decrease' and v.latest <= ind.goal)) then 'done'
      else 'ratio' end as state,
    case
      when ind.kind = 'amount' then v.total / nullif(ind.target * ind.em / 12.0, 0)
      when ind.kind in ('level', 'change') then (v.latest - ind.baseline) / nullif((ind.goal - ind.baseline) * ind.em / 12.0, 0)
    end::float8 as ratio
  from ind left join v on v.indicator_id = ind.id),
scored as (
  select item_id, weight,
    case state when 'nodata' then null when 'done' then 1.0 when 'green' then 1.0 when 'yellow' then 0.9 when 'red' then 0.7
      else greatest(0, least(coalesce(ratio, 0), 1)) end as score,
    state = 'done' as done
  from judged),
own as (
  select it.id, it.parent_id, it.depth, it.weight::float8 as weight, it.progress_method,
    case when it.progress_method = 'manual' then it.manual_progress::float8 / 100
      else least(sum(s.weight * s.score) filter (where s.score is not null) / nullif(sum(s.weight) filter (where s.score is not null), 0), 1) end as progress,
    count(s.item_id) as n_ind, bool_and(s.done) as all_done
  from it left join scored s on s.item_id = it.id group by it.id, it.parent_id, it.depth, it.weight, it.progress_method, it.manual_progress),
l4 as (select o.id, o.parent_id, o.weight, o.progress from own o where o.depth = 4),
l3 as (select o.id, o.parent_id, o.weight,
         case when o.progress_method = 'manual' or count(c.id) = 0 then o.progress
           else least(sum(c.weight * c.progress) filter (where c.progress is not null) / nullif(sum(c.weight) filter (where c.progress is not null), 0), 1) end as progress
       from own o left join l4 c on c.parent_id = o.id where o.depth = 3 group by o.id, o.parent_id, o.weight, o.progress, o.progress_method),
l2 as (select o.id, o.parent_id, o.weight,
         case when o.progress_method = 'manual' or count(c.id) = 0 then o.progress
           else least(sum(c.weight * c.progress) filter (where c.progress is not null) / nullif(sum(c.weight) filter (where c.progress is not null), 0), 1) end as progress
       from own o left join l3 c on c.parent_id = o.id where o.depth = 2 group by o.id, o.parent_id, o.weight, o.progress, o.progress_method),
l1 as (select o.id, o.parent_id, o.weight,
         case when o.progress_method = 'manual' or count(c.id) = 0 then o.progress
           else least(sum(c.weight * c.progress) filter (where c.progress is not null) / nullif(sum(c.weight) filter (where c.progress is not null), 0), 1) end as progress
       from own o left join l2 c on c.parent_id = o.id where o.depth = 1 group by o.id, o.parent_id, o.weight, o.progress, o.progress_method),
rolled as (select id, progress from l1 union all select id, progress from l2 union all select id, progress from l3 union all select id, progress from l4),
st as (select r.id, r.progress, case when o.all_done and o.n_ind > 0 then 'done' when r.progress is null then 'nodata' when r.progress >= 0.95 then 'green'
         when r.progress >= 0.85 then 'yellow' else 'red' end as status
       from rolled r join own o on o.id = r.id),
-- Red items below each item: every red item counted once for each of its ancestors (code prefixes).
rb as (select a.id, count(*) as n
       from st s2 join it d on d.id = s2.id cross join generate_series(1, d.depth - 1) k join it a on a.path = d.path[1:k]
       where s2.status = 'red' group by a.id),
nind as (select item_id, count(*) as n from ind group by item_id)
select coalesce(json_agg(json_build_object(
    'id', it.id, 'code', it.code, 'depth', it.depth, 'title', it.title, 'parentId', it.parent_id,
    'leadUnitName', u.name, 'leaderName', ld.display_name, 'ownerName', ow.display_name,
    'coUnitIds', coalesce((select json_agg(cu.unit_id) from plan_item_co_unit cu where cu.item_id = it.id), '[]'),
    'alignedItemIds', coalesce((select json_agg(al.strategic_item_id) from plan_item_alignment al where al.item_id = it.id), '[]'),
    'indicatorCount', coalesce(nind.n, 0),
    'progress', st.progress, 'status', st.status,
    'redBelow', coalesce(rb.n, 0)
  ) order by it.path), '[]')::text as items
from it join st on st.id = it.id left join nind on nind.item_id = it.id left join rb on rb.id = it.id
left join unit u on u.id = it.lead_unit_id left join app_user ld on ld.id = it.leader_id left join app_user ow on ow.id = it.owner_id`;

/**
 * Indicator detail ($1 indicator id, $2 zone id): the indicator with its item, plan and reporting
 * unit, its accepted values of its year and the year before (what its judgement and forecast
 * read), their sum and the latest of them, as one JSON document.
 */
export const INDICATOR_DETAIL_SQL = `
select json_build_object(
  'id', d.id, 'code', d.code, 'name', d.name, 'kind', d.kind, 'direction', d.direction, 'unitOfMeasure', d.unit_of_measure, 'year', d.year,
  'baseline', d.baseline, 'target', d.target, 'limitMode', d.limit_mode, 'bandLow', d.band_low, 'bandHigh', d.band_high, 'curve', d.curve,
  'frequency', d.frequency, 'source', d.source, 'formula', d.formula, 'projectFilter', d.project_filter, 'weight', d.weight, 'version', d.version,
  'itemId', i.id, 'itemCode', i.code, 'itemTitle', i.title, 'planId', i.plan_id, 'planThresholds', p.thresholds, 'reportingUnitName', u.name,
  'values', (select json_agg(json_build_object('period', v.period, 'value', v.value) order by v.period) from indicator_value v
             where v.indicator_id = d.id and v.review_state = 'accepted' and v.period >= (d.year - 1) || '-01' and v.period <= d.year || '-12'),
  'total', (select sum(v.value) from indicator_value v where v.indicator_id = d.id and v.review_state = 'accepted' and v.period like d.year || '-%'),
  'latest', (select v.value from indicator_value v where v.indicator_id = d.id and v.review_state = 'accepted' order by v.period desc limit 1)
)::text as indicator
from indicator d join plan_item i on i.id = d.item_id join plan p on p.id = i.plan_id left join unit u on u.id = d.reporting_unit_id
where d.id = $1 and d.zone_id = $2`;
