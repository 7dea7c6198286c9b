import type { SqlEntityManager } from '@mikro-orm/sql';
import { TenantryError } from '../errors.ts';

/** What an installation key is for: signing exports (migration 0008), sealing webhook secrets (0012), TOTP secrets (0013). */
export type InstallationKeyPurpose = 'export' | 'webhook' | 'totp';

/** This installation's random key for a purpose, made by a control-plane migration. */
export async function installationKey(em: SqlEntityManager, purpose: InstallationKeyPurpose): Promise<Buffer> {
  const [row] = await em.execute<{ key_hex: string }[]>(`select key_hex from tenantry.installation_keys where purpose = ?`, [purpose]);
  if (!row) {
    throw new TenantryError('MIGRATIONS_PENDING', {
      message: `This installation has no ${purpose} key yet.`,
      hint: 'Apply the control-plane migrations: tenantry db migrate.',
    });
  }
  return Buffer.from(row.key_hex, 'hex');
}
