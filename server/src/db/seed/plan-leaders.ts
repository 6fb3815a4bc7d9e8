import type { DbOrTx } from '../client.js';
import { hashPassword } from '../../modules/auth/passwords.js';
import { appUser, roleGrant } from '../../modules/users/users.table.js';
import { DEMO_PASSWORD } from './demo-units.js';

/**
 * 分管领导 of the demo plans besides `leader` (王志远, 分管经济发展、招商和改革): fictional
 * 管委会副主任 and 党工委副书记, each a `leader` in the 管委会. They share DEMO_PASSWORD.
 */
export const DEMO_LEADERS = [
  { username: 'leader_yang', displayName: '杨振华（管委会副主任）', covers: '科技创新、财政金融' },
  { username: 'leader_ma', displayName: '马丽娟（管委会副主任）', covers: '规划建设、生态环境、应急管理' },
  { username: 'leader_he', displayName: '何志强（管委会副主任）', covers: '农业农村、社会事业' },
  { username: 'leader_guo', displayName: '郭红英（党工委副书记）', covers: '党的建设、群团工作' },
] as const;

/**
 * Inserts the extra leaders (one statement each for users and grants) and adds them to `userIds`.
 * They share one argon2 hash of the public DEMO_PASSWORD: hashing is most of the seed's time.
 */
export async function insertDemoLeaders(tx: DbOrTx, zoneId: string, committeeUnitId: string, userIds: Map<string, string>): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rows = await tx
    .insert(appUser)
    .values(DEMO_LEADERS.map((l) => ({ zoneId, username: l.username, displayName: l.displayName, passwordHash, isDemo: true })))
    .returning({ id: appUser.id, username: appUser.username });
  await tx.insert(roleGrant).values(rows.map((r) => ({ zoneId, userId: r.id, unitId: committeeUnitId, role: 'leader' })));
  for (const r of rows) userIds.set(r.username, r.id);
  return rows.length;
}
