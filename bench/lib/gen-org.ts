import type { Prng } from './prng.js';
import { AS_OF, type ZoneShape, accountsOf, zoneTag } from './sizes.js';
import type { BulkWriter } from './writer.js';

/** Everything the rest of a zone's generation refers to. */
export interface ZoneCtx {
  w: BulkWriter;
  rng: Prng;
  shape: ZoneShape;
  index: number;
  tag: string;
  zoneId: string;
  /** created_at / updated_at of generated rows. */
  ts: Date;
  /** Every unit but the root (they lead items and projects). */
  units: string[];
  rootUnitId: string;
  officeUnitId: string;
  /** 分管领导 accounts (role leader at the root unit). */
  leaders: string[];
  /** One staff account per unit (reporter there), the owner of the unit's items. */
  ownerOf: Map<string, string>;
  /** Users with the role they act in, for audit events. */
  people: { id: string; username: string; role: string }[];
}

const BUREAUS: [string, string][] = [
  ['党政办公室', 'office'],
  ['目标管理办公室', 'office'],
  ['发展改革局', 'bureau'],
  ['财政局', 'bureau'],
  ['科技创新局', 'bureau'],
  ['经济发展局', 'bureau'],
  ['投资促进局', 'bureau'],
  ['自然资源和规划局', 'bureau'],
  ['住房和城乡建设局', 'bureau'],
  ['生态环境分局', 'bureau'],
  ['社会事业局', 'bureau'],
  ['市场监督管理局', 'bureau'],
  ['统计局', 'bureau'],
  ['文苑街道', 'subdistrict'],
  ['阳光街道', 'subdistrict'],
];
const SECTIONS = ['综合科', '规划科', '项目科', '督查科', '统计科', '服务科'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂'.split('');

/** A plausible Chinese name for display (never used to look anyone up). */
export const personName = (rng: Prng) => rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : '');

/** The zone row, its unit tree (root → bureaus and subdistricts → sections) and its accounts. */
export async function generateOrg(w: BulkWriter, rng: Prng, shape: ZoneShape, index: number, passwordHash: string, ts: Date): Promise<ZoneCtx> {
  const tag = zoneTag(index);
  const zoneId = rng.uuid();
  await w.add('zone', { id: zoneId, code: `bench-${tag}`, name: `基准开发区${tag.slice(1)}`, as_of_date: AS_OF, is_demo: false, created_at: ts, updated_at: ts, version: 0 });

  const unit = async (id: string, parentId: string | null, code: string, name: string, kind: string, sort: number) =>
    w.add('unit', { id, zone_id: zoneId, parent_id: parentId, code, name, short_name: null, kind, sort, active: true, created_at: ts, updated_at: ts, version: 0 });
  const rootUnitId = rng.uuid();
  await unit(rootUnitId, null, 'U000', '管理委员会', 'committee', 0);
  const level1 = Math.min(BUREAUS.length, shape.units - 1);
  const units: string[] = [];
  const tops: string[] = [];
  for (let i = 0; i < level1; i++) {
    const id = rng.uuid();
    await unit(id, rootUnitId, `U${String(units.length + 1).padStart(3, '0')}`, BUREAUS[i]![0], BUREAUS[i]![1], i * 10);
    units.push(id);
    tops.push(id);
  }
  for (let i = 0; units.length < shape.units - 1; i++) {
    const parent = i % tops.length;
    const id = rng.uuid();
    await unit(id, tops[parent]!, `U${String(units.length + 1).padStart(3, '0')}`, `${BUREAUS[parent]![0]}${SECTIONS[Math.floor(i / tops.length) % SECTIONS.length]}${Math.floor(i / (tops.length * SECTIONS.length)) || ''}`, 'section', i);
    units.push(id);
  }
  const officeUnitId = units[Math.min(1, units.length - 1)]!;

  const people: ZoneCtx['people'] = [];
  const user = async (username: string, displayName: string, grants: [string, string][], totpSecret: string | null = null) => {
    const id = rng.uuid();
    await w.add('app_user', {
      id, zone_id: zoneId, username, display_name: displayName, password_hash: passwordHash, password_changed_at: ts, must_change_password: false,
      status: 'active', failed_logins: 0, totp_secret: totpSecret, totp_enabled: totpSecret !== null, is_demo: false, created_at: ts, updated_at: ts, version: 0,
    });
    for (const [unitId, role] of grants) await w.add('role_grant', { id: rng.uuid(), zone_id: zoneId, user_id: id, unit_id: unitId, role, created_at: ts, updated_at: ts });
    people.push({ id, username, role: grants[0]![1] });
    return id;
  };
  const acc = accountsOf(index);
  const leaders = [await user(acc.leader, `${personName(rng)}（主任）`, [[rootUnitId, 'leader']])];
  for (let i = 2; i <= 6; i++) leaders.push(await user(`${tag}-leader${i}`, `${personName(rng)}（副主任）`, [[rootUnitId, 'leader']]));
  await user(acc.office, `${personName(rng)}（目标办）`, [[officeUnitId, 'office']], officeTotpSecret(rng));
  const all = [rootUnitId, ...units];
  await user(acc.reporter, `${personName(rng)}（填报）`, all.map((u) => [u, 'reporter']));
  await user(acc.head, `${personName(rng)}（负责人）`, all.map((u) => [u, 'unit_head']));
  const ownerOf = new Map<string, string>();
  for (const [i, u] of units.entries()) ownerOf.set(u, await user(`${tag}-u${String(i + 1).padStart(3, '0')}`, personName(rng), [[u, 'reporter']]));
  return { w, rng, shape, index, tag, zoneId, ts, units, rootUnitId, officeUnitId, leaders, ownerOf, people };
}

/** The office account's TOTP secret: drawn from the zone's own random source, so the bench can compute its codes. */
export function officeTotpSecret(rng: Prng): string {
  return rng.base32(20);
}
