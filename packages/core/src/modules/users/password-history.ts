import type { SqlEntityManager } from '@mikro-orm/sql';
import { PASSWORD_HISTORY_MAX } from './password-policy.ts';

/** The hashes a user had before, newest first. */
export async function previousPasswordHashes(em: SqlEntityManager, userId: string, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const rows = await em.execute<{ password_hash: string }[]>(`select password_hash from tenantry.password_history where user_id = ? order by id desc limit ?`, [
    userId,
    count,
  ]);
  return rows.map((row) => row.password_hash);
}

/** Keeps a replaced password's hash (the newest PASSWORD_HISTORY_MAX of a user are kept). */
export async function rememberReplacedPassword(em: SqlEntityManager, userId: string, passwordHash: string, at: Date): Promise<void> {
  await em.execute('insert into tenantry.password_history (user_id, password_hash, replaced_at) values (?, ?, ?)', [userId, passwordHash, at]);
  await em.execute(
    `delete from tenantry.password_history where user_id = ? and id not in
       (select id from tenantry.password_history where user_id = ? order by id desc limit ?)`,
    [userId, userId, PASSWORD_HISTORY_MAX],
  );
}
