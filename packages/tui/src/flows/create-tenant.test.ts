import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { createTenantry, type TenantryClient } from '@tenantry/sdk';
import { createTenantFlow } from './create-tenant.ts';
import { promptTerminal } from './testing/prompt-terminal.ts';

let database: TestDatabase;
let client: TenantryClient;

beforeAll(async () => {
  database = await createTestDatabase();
  client = await createTenantry(database.sdkOptions);
  await client.tenants.provision({ name: 'Taken Name', ownerEmail: 'taken@example.com' });
});

afterAll(async () => {
  await client?.close();
  await database?.drop();
});

describe('createTenantFlow', () => {
  it('asks for the missing values with inline validation, shows the plan, and provisions on confirmation', async () => {
    const term = promptTerminal();
    const flow = createTenantFlow({ client, input: { trialDays: 14 }, dryRun: false, io: term });
    await term.when('Organization name', 'Taken Name\r');
    await term.when('Slug', '\r');
    await term.when('is not available', '\u0015fresh-slug\r');
    await term.when("Owner's email", 'not-an-email\r');
    await term.when('must be an email address', '\u0015owner@fresh.example\r');
    await term.when('Plan', '\u001b[B\r');
    await term.when('Apply this plan?', '\r');
    const result = await flow;
    expect(result).toMatchObject({
      result: 'created',
      tenant: { slug: 'fresh-slug', plan: 'professional', trialDaysLeft: 14 },
      owner: { email: 'owner@fresh.example' },
    });
    expect(term.plain()).toContain('Create tenant "Taken Name" (fresh-slug) on plan professional');
  });

  it('writes nothing when the confirmation is declined', async () => {
    const term = promptTerminal();
    const flow = createTenantFlow({ client, input: { name: 'Declined Co', plan: 'basic' }, dryRun: false, io: term });
    await term.when('Slug', '\r');
    await term.when("Owner's email", 'owner@declined.example\r');
    await term.when('Apply this plan?', 'n\r');
    await expect(flow).rejects.toMatchObject({ code: 'CANCELLED' });
    expect((await client.tenants.checkSlug('declined-co')).available).toBe(true);
  });
});
