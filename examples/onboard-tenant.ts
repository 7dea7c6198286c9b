/**
 * Onboards a customer the way a sign-up back end would: shows the plan, provisions the tenant with its
 * owner, invites an admin, and issues an API key for their integration. Prints one JSON document with the
 * one-time password, the invitation token and the key: each is shown once, so hand them over now.
 *
 *   node examples/onboard-tenant.ts "Acme Corp" owner@acme.com admin@acme.com
 *
 * It uses the database every command uses: TENANTRY_DATABASE_URL, or the embedded store.
 */
import { createTenantry, isTenantryError } from '@tenantry/sdk';

const [name, ownerEmail, adminEmail] = process.argv.slice(2);
if (!name || !ownerEmail || !adminEmail) {
  process.stderr.write('usage: node examples/onboard-tenant.ts NAME OWNER_EMAIL ADMIN_EMAIL\n');
  process.exit(2);
}

const tenantry = await createTenantry();
try {
  const input = { name, ownerEmail, plan: 'professional' as const, trialDays: 14 };
  const plan = await tenantry.tenants.provision(input, { dryRun: true });
  process.stderr.write(`Plan ${plan.fingerprint}:\n${plan.steps.map((step) => `  - ${step.description}`).join('\n')}\n`);
  // Applies exactly the plan shown: if anything changed since, PLAN_STALE and nothing is written.
  const created = await tenantry.tenants.provision(input, { expectFingerprint: plan.fingerprint });
  const slug = created.tenant.slug;
  const invited = await tenantry.invitations.send({ slug, email: adminEmail, role: 'admin' });
  const issued = await tenantry.apiKeys.create({ slug, name: 'integration', scopes: ['assets.read'] });
  process.stdout.write(
    `${JSON.stringify(
      {
        tenant: slug,
        owner: { email: created.owner.email, oneTimePassword: created.owner.oneTimePassword },
        invitation: { email: adminEmail, token: invited.invitation.token },
        apiKey: issued.apiKey.key,
      },
      null,
      2,
    )}\n`,
  );
} catch (error) {
  process.stderr.write(isTenantryError(error) ? `${error.code}: ${error.message}\n` : `${String(error)}\n`);
  process.exitCode = 1;
} finally {
  await tenantry.close();
}
