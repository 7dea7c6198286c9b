import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { addTestMember, failure, provisionTestTenant, userContext } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { listAuditEvents } from '../audit/audit-queries.ts';
import { listMembers } from '../memberships/members.service.ts';
import type { Mailer, MailMessage } from '../outbox/mailer.ts';
import { verifyPassword } from '../users/password.ts';
import { listInvitations, revokeInvitation } from '../../testing/invitation-use-cases.ts';
import { acceptInvitation, resendInvitation, sendInvitation } from '../../testing/invitation-use-cases.ts';

let testDatabase: TestDatabase;
let database: Database;
const sent: MailMessage[] = [];
const mailer: Mailer = { description: 'memory', send: async (message) => (sent.push(message), {}) };

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openDatabase(testDatabase.coreOptions);
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

const rows = (sql: string, params: unknown[] = []) => database.fork().execute<Record<string, unknown>[]>(sql, params);
const snapshot = () => snapshotRows((sql) => rows(sql));
const ctx = () => testContext(database);
const DAY = 86_400_000;

describe('sendInvitation', () => {
  it('returns the token once, stores only its hash, writes the outbox and delivers after commit', async () => {
    const tenant = await provisionTestTenant(database, { domain: 'app.invite-one.example' });
    // Its custom domain, verified, is its primary one: the link the mail carries.
    await rows(`update tenantry.domains set verified_at = now(), is_primary = true where hostname = 'app.invite-one.example'`);
    const context = ctx();
    const outcome = await sendInvitation(context, { slug: tenant.slug, email: 'Ana@Example.com', role: 'analyst' }, { mailer });
    expect(outcome).toMatchObject({
      result: 'applied',
      action: 'created',
      invitation: { email: 'ana@example.com', role: 'analyst', state: 'pending', sendCount: 1 },
      delivery: { status: 'sent' },
    });
    expect(outcome.token).toMatch(/^inv_[A-Za-z0-9]{40}$/);
    expect(outcome.invitation.expiresAt.getTime() - outcome.invitation.createdAt.getTime()).toBe(7 * DAY);
    const [stored] = await rows('select token_hash from tenantry.invitations where id = ?', [outcome.invitation.id]);
    expect(stored?.token_hash).toBe(
      createHash('sha256')
        .update(outcome.token ?? '')
        .digest('hex'),
    );
    const [message] = await rows('select recipient, body, status, correlation_id from tenantry.outbox_messages where recipient = ?', ['ana@example.com']);
    expect(message).toMatchObject({ status: 'sent', correlation_id: context.correlationId });
    expect(String(message?.body)).toContain('{{token}}');
    expect(JSON.stringify(await snapshot())).not.toContain(outcome.token);
    const mail = sent.at(-1);
    expect(mail).toMatchObject({ to: 'ana@example.com', secrets: [outcome.token] });
    expect(mail?.text).toContain(`https://app.invite-one.example/invitations/accept?token=${outcome.token}`);
    const [event] = await listAuditEvents(ctx(), { tenant: tenant.slug, action: 'invitation.sent' });
    expect(event).toMatchObject({ correlationId: context.correlationId, after: { email: 'ana@example.com', role: 'analyst', sendCount: 1 } });
  });

  it('sending again rotates the token and expiry instead of duplicating; the old token stops working', async () => {
    const tenant = await provisionTestTenant(database);
    const first = await sendInvitation(ctx(), { slug: tenant.slug, email: 'bo@example.com', role: 'viewer', expiresDays: 2 }, { mailer });
    const second = await sendInvitation(ctx(), { slug: tenant.slug, email: 'bo@example.com', expiresDays: 10 }, { mailer });
    expect(second).toMatchObject({ action: 'rotated', invitation: { id: first.invitation.id, role: 'viewer', sendCount: 2 } });
    expect(second.token).not.toBe(first.token);
    expect(second.changes.map((change) => change.field)).toEqual(['expiresAt']);
    expect((await rows('select count(*)::int as n from tenantry.invitations where tenant_id = ?', [tenant.id]))[0]?.n).toBe(1);
    expect((await failure(acceptInvitation(ctx(), { token: first.token ?? '', password: 'Long-Enough-Pass-1' }))).code).toBe('INVITATION_NOT_FOUND');
    const resent = await resendInvitation(ctx(), { slug: tenant.slug, email: 'bo@example.com' }, { mailer });
    expect(resent).toMatchObject({ action: 'rotated', invitation: { sendCount: 3 } });
    expect((await listAuditEvents(ctx(), { tenant: tenant.slug, action: 'invitation.*' })).map((event) => event.action)).toEqual([
      'invitation.resent',
      'invitation.resent',
      'invitation.sent',
    ]);
  });

  it('dry run returns the plan without a token and writes nothing', async () => {
    const tenant = await provisionTestTenant(database);
    const before = await snapshot();
    const outcome = await sendInvitation(ctx(), { slug: tenant.slug, email: 'dry@example.com' }, { dryRun: true, mailer });
    expect(outcome).toMatchObject({ result: 'planned', action: 'created', delivery: null });
    expect(outcome.token).toBeUndefined();
    expect(outcome.steps.map((step) => step.action)).toEqual(['create-invitation', 'enqueue-mail', 'audit']);
    expect(await snapshot()).toEqual(before);
  });

  it('counts members plus pending invitations against maxUsers, with the numbers', async () => {
    const tenant = await provisionTestTenant(database, { maxUsers: 2 });
    await sendInvitation(ctx(), { slug: tenant.slug, email: 'seat@example.com' }, { mailer });
    const error = await failure(sendInvitation(ctx(), { slug: tenant.slug, email: 'one-too-many@example.com' }, { mailer }));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.details).toEqual({ slug: tenant.slug, limit: 'maxUsers', max: 2, used: 2 });
    expect(error.message).toContain('1 member + 1 pending invitation');
    expect((await sendInvitation(ctx(), { slug: tenant.slug, email: 'seat@example.com' }, { mailer })).action).toBe('rotated');
    await revokeInvitation(ctx(), { slug: tenant.slug, email: 'seat@example.com' });
    expect((await sendInvitation(ctx(), { slug: tenant.slug, email: 'one-too-many@example.com' }, { mailer })).action).toBe('created');
  });

  it('refuses a member, a bad expiry, resending what is not pending, and an admin inviting an owner', async () => {
    const tenant = await provisionTestTenant(database);
    expect((await failure(sendInvitation(ctx(), { slug: tenant.slug, email: tenant.ownerEmail }, { mailer }))).code).toBe('ALREADY_MEMBER');
    for (const expiresDays of [0, 31, 1.5]) {
      expect((await failure(sendInvitation(ctx(), { slug: tenant.slug, email: 'x@example.com', expiresDays }))).details.issues).toEqual([
        expect.objectContaining({ path: 'expiresDays' }),
      ]);
    }
    expect((await failure(resendInvitation(ctx(), { slug: tenant.slug, email: 'never@example.com' }))).code).toBe('INVITATION_NOT_FOUND');
    await sendInvitation(ctx(), { slug: tenant.slug, email: 'gone@example.com' }, { mailer });
    await revokeInvitation(ctx(), { slug: tenant.slug, email: 'gone@example.com' });
    expect((await failure(resendInvitation(ctx(), { slug: tenant.slug, email: 'gone@example.com' }))).code).toBe('INVITATION_REVOKED');
    expect((await failure(revokeInvitation(ctx(), { slug: tenant.slug, email: 'gone@example.com' }))).code).toBe('INVITATION_NOT_FOUND');
    const admin = await addTestMember(database, tenant.slug, ['admin']);
    expect((await failure(sendInvitation(userContext(database, admin), { slug: tenant.slug, email: 'boss@example.com', role: 'owner' }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await sendInvitation(userContext(database, admin), { slug: tenant.slug, email: 'staff@example.com', role: 'analyst' }, { mailer })).result).toBe(
      'applied',
    );
  });

  it('records a failed delivery without failing the invitation, and never stores the token in the error', async () => {
    const tenant = await provisionTestTenant(database);
    const broken: Mailer = { description: 'broken', send: async (message) => Promise.reject(new Error(`relay refused ${message.text.slice(-60)}`)) };
    const outcome = await sendInvitation(ctx(), { slug: tenant.slug, email: 'bounce@example.com' }, { mailer: broken });
    expect(outcome.result).toBe('applied');
    expect(outcome.delivery?.status).toBe('failed');
    const [message] = await rows('select status, attempts, last_error from tenantry.outbox_messages where recipient = ?', ['bounce@example.com']);
    expect(message).toMatchObject({ status: 'failed', attempts: 1 });
    expect(String(message?.last_error)).not.toContain(outcome.token);
    expect(outcome.delivery?.detail).not.toContain(outcome.token);
  });
});

describe('acceptInvitation', () => {
  it('creates the user under the tenant policy, assigns the role and marks the invitation accepted', async () => {
    const tenant = await provisionTestTenant(database);
    const { token } = await sendInvitation(ctx(), { slug: tenant.slug, email: 'new@example.com', role: 'admin' }, { mailer });
    const weak = await failure(acceptInvitation(ctx(), { token: token ?? '', password: 'short' }));
    expect(weak.details.issues).toEqual([expect.objectContaining({ path: 'password' })]);
    const accepted = await acceptInvitation(ctx(), { token: token ?? '', password: 'Strong-Password-42', name: 'New Person' });
    expect(accepted).toMatchObject({ tenantSlug: tenant.slug, email: 'new@example.com', role: 'admin', existingUser: false });
    const [user] = await rows('select name, password_hash from tenantry.users where email = ?', ['new@example.com']);
    expect(user?.name).toBe('New Person');
    expect(await verifyPassword('Strong-Password-42', String(user?.password_hash))).toBe(true);
    expect((await listMembers(ctx(), tenant.slug)).find((member) => member.email === 'new@example.com')?.roles).toEqual(['admin']);
    expect((await listInvitations(ctx(), { slug: tenant.slug }))[0]?.state).toBe('accepted');
    expect((await failure(acceptInvitation(ctx(), { token: token ?? '', password: 'Strong-Password-42' }))).code).toBe('INVITATION_ALREADY_ACCEPTED');
    const actions = (await listAuditEvents(ctx(), { tenant: tenant.slug, limit: 4 })).map((event) => event.action);
    expect(actions).toEqual(['invitation.accepted', 'role.granted', 'membership.created', 'user.created']);
  });

  it('links an existing account only with its password, flagging a password below this policy', async () => {
    const one = await provisionTestTenant(database);
    const two = await provisionTestTenant(database);
    const { token } = await sendInvitation(ctx(), { slug: two.slug, email: one.ownerEmail, role: 'viewer' }, { mailer });
    expect((await failure(acceptInvitation(ctx(), { token: token ?? '', password: 'Not-The-Password-1' }))).code).toBe('INVALID_CREDENTIALS');
    // The guess counts toward the account's lock, as one at sign-in does.
    const [counted] = await database
      .fork()
      .execute<{ failed_sign_ins: number }[]>('select failed_sign_ins from tenantry.users where email = ?', [one.ownerEmail]);
    expect(counted?.failed_sign_ins).toBe(1);
    await database
      .fork()
      .execute(`update tenantry.tenants set security_policy = jsonb_set(security_policy, '{password,requireSymbols}', 'true') where id = ?`, [two.id]);
    const linked = await acceptInvitation(ctx(), { token: token ?? '', password: 'Owner-Password-1' });
    expect(linked).toMatchObject({ existingUser: true, userId: one.ownerId, mustChangePassword: false });
    const third = await provisionTestTenant(database);
    await database
      .fork()
      .execute(`update tenantry.tenants set security_policy = jsonb_set(security_policy, '{password,minLength}', '20') where id = ?`, [third.id]);
    const again = await sendInvitation(ctx(), { slug: third.slug, email: one.ownerEmail }, { mailer });
    expect((await acceptInvitation(ctx(), { token: again.token ?? '', password: 'Owner-Password-1' })).mustChangePassword).toBe(true);
  });

  it('refuses unknown, revoked and expired tokens with distinct codes, and a member accepting twice', async () => {
    const tenant = await provisionTestTenant(database);
    expect((await failure(acceptInvitation(ctx(), { token: 'inv_' + 'x'.repeat(40), password: 'Strong-Password-42' }))).code).toBe('INVITATION_NOT_FOUND');
    expect((await failure(acceptInvitation(ctx(), { token: 'garbage', password: 'Strong-Password-42' }))).code).toBe('INVITATION_NOT_FOUND');
    const revoked = await sendInvitation(ctx(), { slug: tenant.slug, email: 'revoked@example.com' }, { mailer });
    await revokeInvitation(ctx(), { slug: tenant.slug, email: 'revoked@example.com' });
    expect((await failure(acceptInvitation(ctx(), { token: revoked.token ?? '', password: 'Strong-Password-42' }))).code).toBe('INVITATION_REVOKED');
    const expiring = await sendInvitation(ctx(), { slug: tenant.slug, email: 'late@example.com', expiresDays: 1 }, { mailer });
    const later = testContext(database, { now: () => new Date(Date.now() + 2 * DAY) });
    expect((await failure(acceptInvitation(later, { token: expiring.token ?? '', password: 'Strong-Password-42' }))).code).toBe('INVITATION_EXPIRED');
    expect((await listInvitations(later, { slug: tenant.slug, state: 'expired' })).map((invitation) => invitation.email)).toEqual(['late@example.com']);
    const racing = await sendInvitation(ctx(), { slug: tenant.slug, email: 'racer@example.com' }, { mailer });
    await addTestMember(database, tenant.slug, ['viewer'], 'racer@example.com');
    await database
      .fork()
      .execute(`update tenantry.users set password_hash = (select password_hash from tenantry.users where id = ?) where email = 'racer@example.com'`, [
        tenant.ownerId,
      ]);
    expect((await failure(acceptInvitation(ctx(), { token: racing.token ?? '', password: 'Owner-Password-1' }))).code).toBe('ALREADY_MEMBER');
  });

  it('refuses invitations of a suspended tenant', async () => {
    const tenant = await provisionTestTenant(database);
    const { token } = await sendInvitation(ctx(), { slug: tenant.slug, email: 'wait@example.com' }, { mailer });
    await database.fork().execute(`update tenantry.tenants set status = 'suspended' where id = ?`, [tenant.id]);
    expect((await failure(acceptInvitation(ctx(), { token: token ?? '', password: 'Strong-Password-42' }))).code).toBe('TENANT_SUSPENDED');
  });
});
