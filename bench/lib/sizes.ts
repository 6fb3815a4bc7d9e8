/** The dataset sizes of the benchmark issue, and what the bench derives from them. */

export interface ZoneShape {
  units: number;
  /** Items of the 2021–2035 strategic plan and of the 2021 annual plan (4-level trees). */
  strategicItems: number;
  annualItems: number;
  /** Indicators of both plans together (the annual plan gets four fifths). */
  indicators: number;
  /** Months of accepted values per reported indicator, ending the month before the business date's. */
  months: number;
  projects: number;
  projectMonths: number;
  auditEvents: number;
  /** Values the .xlsx import benchmark brings in (into an extra 2020 plan sized for it). */
  importValues: number;
}

export interface Size {
  name: SizeName;
  zones: number;
  zone: ZoneShape;
  /** Samples per latency benchmark (after warm-up). */
  samples: { overview: number; indicator: number; warmup: number };
  /** autocannon run length per target, seconds. */
  loadSeconds: number;
  /** Report submissions to measure (in rounds of submit → return by the unit head). */
  submissions: number;
  /** Cold browser loads of the plan page. */
  webLoads: number;
  /** Only PostgreSQL can hold it. */
  postgresOnly: boolean;
}

export const SIZE_NAMES = ['smoke', 'zone', 'province'] as const;
export type SizeName = (typeof SIZE_NAMES)[number];

const ZONE: ZoneShape = {
  units: 60,
  strategicItems: 240,
  annualItems: 960,
  indicators: 3000,
  months: 120,
  projects: 600,
  projectMonths: 120,
  auditEvents: 50_000,
  importValues: 100_000,
};

export const SIZES: Record<SizeName, Size> = {
  smoke: {
    name: 'smoke',
    zones: 1,
    zone: { units: 5, strategicItems: 6, annualItems: 14, indicators: 50, months: 12, projects: 20, projectMonths: 12, auditEvents: 500, importValues: 1200 },
    samples: { overview: 10, indicator: 20, warmup: 2 },
    loadSeconds: 2,
    submissions: 12,
    webLoads: 1,
    postgresOnly: false,
  },
  zone: {
    name: 'zone',
    zones: 1,
    zone: ZONE,
    samples: { overview: 60, indicator: 300, warmup: 5 },
    loadSeconds: 10,
    submissions: 600,
    webLoads: 5,
    postgresOnly: false,
  },
  province: {
    name: 'province',
    zones: 200,
    zone: ZONE,
    samples: { overview: 100, indicator: 300, warmup: 10 },
    loadSeconds: 10,
    submissions: 600,
    webLoads: 3,
    postgresOnly: true,
  },
};

/** The seed of every dataset; change it and every figure's data changes with it. */
export const SEED = 20211215;
/** The business date of every generated zone: the 2021-12 reporting cycle is open. */
export const AS_OF = '2021-12-15';
export const OPEN_PERIOD = '2021-12';
export const PLAN_YEAR = 2021;
/** Password of every generated account (hashed with the app's own argon2id). */
export const BENCH_PASSWORD = 'Bench-Lantu-2021!';
/** Bumped whenever the generator's output changes, so an old dataset is regenerated. */
export const GENERATOR_VERSION = 2;

export function sizeOf(name: string): Size {
  if (!(SIZE_NAMES as readonly string[]).includes(name)) throw new Error(`Unknown size "${name}"; use one of ${SIZE_NAMES.join(', ')}`);
  return SIZES[name as SizeName];
}

/** `z001` …: the prefix of a zone's codes and usernames. */
export const zoneTag = (index: number) => `z${String(index + 1).padStart(3, '0')}`;

/** The accounts each generated zone has, by what the bench does with them. */
export const accountsOf = (index: number) => {
  const tag = zoneTag(index);
  return { leader: `${tag}-leader`, office: `${tag}-office`, reporter: `${tag}-reporter`, head: `${tag}-head` };
};

/** Months `YYYY-MM` ending with `last`, oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  let [y, m] = last.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out.reverse();
}
