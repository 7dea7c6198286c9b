import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, runCli, sqlOnDatabase, type TestDatabase } from '@tenantry/testing';

const ROUNDS = 20;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe('two processes provisioning the same slug at the same moment', () => {
  // Forty process starts: slow on a loaded two-core machine, hence the long timeout.
  it(`end with exactly one created and the other refused, and no partial rows (${ROUNDS} rounds)`, { timeout: 300_000 }, async () => {
    // On the server the loser is a conflict (6). On the embedded store the loser is either refused the
    // store while the winner holds it (10) or, starting after the winner finished, a conflict (6).
    const loserCodes = database.kind === 'server' ? [6] : [6, 10];
    for (let round = 0; round < ROUNDS; round++) {
      const slug = `race-${round}`;
      const runs = await Promise.all(
        ['a', 'b'].map((who) =>
          runCli(['tenant', 'create', '--name', `Race ${who} ${round}`, '--slug', slug, '--owner-email', `${who}-${round}@race.test`, '--json'], {
            env: database.env,
          }),
        ),
      );
      const codes = runs.map((run) => run.exitCode).sort();
      expect(codes[0], `round ${round}: ${runs.map((run) => run.stdout + run.stderr).join('\n')}`).toBe(0);
      expect(loserCodes).toContain(codes[1]);
    }
    const tenants = await sqlOnDatabase(
      database,
      `select slug, (select count(*)::int from tenantry.memberships m where m.tenant_id = t.id) as members from tenantry.tenants t where slug like 'race-%' order by slug`,
    );
    expect(tenants).toHaveLength(ROUNDS);
    expect(tenants.every((tenant) => tenant.members === 1)).toBe(true);
    const users = await sqlOnDatabase(database, `select count(*)::int as n from tenantry.users where email like '%@race.test'`);
    expect(users).toEqual([{ n: ROUNDS }]);
    const orphans = await sqlOnDatabase(
      database,
      `select count(*)::int as n from tenantry.users u where u.email like '%@race.test' and not exists (select 1 from tenantry.memberships m where m.user_id = u.id)`,
    );
    expect(orphans).toEqual([{ n: 0 }]);
  });
});
