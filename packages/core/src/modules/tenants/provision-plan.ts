import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { uuidv7 } from '../../db/ids.ts';
import { planDataSpace, type DataSpacePlan } from '../../isolation/create-data-space.ts';
import { blueprintOf } from '../../isolation/sample-blueprint.ts';
import { IsolationErrors } from '../../isolation/isolation-errors.ts';
import { tenantSchemaName } from '../../isolation/schema-name.ts';
import type { PlanStep } from '../../plan.ts';
import { Domain } from '../domains/domain.entity.ts';
import { User } from '../users/user.entity.ts';
import { PLAN_CATALOG, planFeatureFlags, type FeatureFlags, type Limits } from '../plans/catalog.ts';
import { plannedDomains, provisionFingerprint, type PlannedDomain, type SettledProvisionRequest } from './provision-request.ts';
import { provisionRows, type ProvisionDescriptions, type ProvisionRows } from './provision-rows.ts';
import { Tenant } from './tenant.entity.ts';

/**
 * A new owner without a given password gets a generated one-time password, or none (bulk: set later
 * through an invitation); `chosen`: the given password is the owner's own (self-service sign-up), kept
 * without a change forced at first login.
 */
export type OwnerPasswordMode = 'generated' | 'none' | 'chosen';

export interface ProvisionPlan {
  outcome: 'create' | 'unchanged';
  /** The id the tenant gets (create), or has (unchanged). */
  tenantId: string;
  /** The validated request, without the password. */
  request: Omit<SettledProvisionRequest, 'ownerPassword'>;
  slug: string;
  fingerprint: string;
  limits: Limits;
  features: FeatureFlags;
  schemaName: string | null;
  trialEndsAt: Date | null;
  owner: { email: string; existingUserId: string | null; password: 'generated' | 'given' | 'chosen' | 'unchanged' | 'none' };
  domains: PlannedDomain[];
  /** Every step, each with the statements applying runs (the owner's password hash a secret parameter). */
  steps: PlanStep[];
  /** The data space provisioning makes (create): schema or shared tables, migrations, demo data. */
  dataSpace: DataSpacePlan | null;
  /** Create: the control-plane rows the steps' statements write. */
  rows: ProvisionRows | null;
  /** Set when the outcome is "unchanged": the tenant the identical earlier request created, its owner and domains. */
  existingTenant: Tenant | null;
  existing: { owner: User | null; domains: Domain[] } | null;
}

/** Reads the current state and decides what provisioning will do, without writing anything. */
export async function buildProvisionPlan(
  ctx: ServiceContext,
  em: SqlEntityManager,
  request: SettledProvisionRequest,
  passwordMode: OwnerPasswordMode = 'generated',
): Promise<ProvisionPlan> {
  const fingerprint = provisionFingerprint(request);
  const domains = plannedDomains(request, ctx.settings.baseDomain);
  const schemaName = request.isolation === 'schema' ? tenantSchemaName(request) : null;
  const facts = await readFacts(em, request, domains, schemaName);
  const existingTenant = facts.tenant && facts.tenant.fingerprint === fingerprint ? await em.findOneOrFail(Tenant, facts.tenant.id) : null;
  const existingUser = facts.userId ? { id: facts.userId } : null;
  const takenDomain = facts.takenHostname ? { hostname: facts.takenHostname } : null;
  const limits = { ...PLAN_CATALOG[request.plan].limits, ...limitOverrides(request) };
  const features = { ...planFeatureFlags(request.plan), ...request.features };
  const trialEndsAt = request.trialDays ? new Date(ctx.now().getTime() + request.trialDays * 86_400_000) : null;
  const { ownerPassword: _secret, ...publicRequest } = request;
  const base = { request: publicRequest, slug: request.slug, fingerprint, limits, features, schemaName, trialEndsAt, domains };

  if (facts.tenant && !existingTenant) throw TenantryError.slugTaken(request.slug);
  if (existingTenant) {
    const owner = { email: request.ownerEmail, existingUserId: existingUser?.id ?? null, password: 'unchanged' as const };
    const [ownerUser, tenantDomains] = await Promise.all([
      em.findOne(User, { email: request.ownerEmail }),
      em.find(Domain, { tenant: existingTenant.id }, { orderBy: { isPrimary: 'desc', hostname: 'asc' } }),
    ]);
    const existing = { owner: ownerUser, domains: tenantDomains };
    return { ...base, outcome: 'unchanged', tenantId: existingTenant.id, owner, existingTenant, existing, dataSpace: null, rows: null, steps: [] };
  }
  if (existingUser && !request.allowExistingUser) throw TenantryError.emailTaken(request.ownerEmail);
  if (existingUser && request.ownerPassword !== undefined) {
    throw TenantryError.invalidInput([
      { path: 'ownerPassword', message: `${request.ownerEmail} already has an account whose password provisioning does not change; leave it out` },
    ]);
  }
  if (takenDomain) throw TenantryError.hostnameTaken(takenDomain.hostname);
  if (schemaName && facts.schemaOwner) throw IsolationErrors.schemaTaken(schemaName, facts.schemaOwner);

  if (passwordMode === 'chosen' && request.ownerPassword === undefined) {
    throw TenantryError.invalidInput([{ path: 'ownerPassword', message: 'is required: the owner chooses their own password' }]);
  }
  const password = existingUser ? 'unchanged' : request.ownerPassword === undefined ? passwordMode : passwordMode === 'chosen' ? 'chosen' : 'given';
  const owner = { email: request.ownerEmail, existingUserId: existingUser?.id ?? null, password } as const;
  const tenantId = uuidv7();
  const dataSpace = await planDataSpace(
    em,
    blueprintOf(ctx),
    { isolation: request.isolation, tenantId, schemaName, adoptSchema: request.adoptSchema === true, seedDemoData: !request.skipDemoData },
    ctx.now(),
    facts,
  );
  const rows = provisionRows(ctx, em, request, { ...base, tenantId, owner, dataSpace }, describeSteps(request, { ...base, owner }));
  const audit = rows.steps.filter((step) => step.action === 'audit');
  // In the order applying runs them: the shared tables first (under their lock), then one script.
  const script = dataSpace.steps.slice(dataSpace.poolSteps.length);
  const steps = [...dataSpace.poolSteps, ...rows.steps.filter((step) => step.action !== 'audit'), ...script, ...audit];
  return { ...base, outcome: 'create', tenantId, owner, existingTenant: null, existing: null, dataSpace, rows, steps };
}

interface ProvisionFacts {
  tenant: { id: string; fingerprint: string } | null;
  userId: string | null;
  takenHostname: string | null;
  schemaExists: boolean;
  /** The tenant whose data space the schema is (or was, purged: its tombstone keeps the name). */
  schemaOwner: { slug: string; purged: boolean } | null;
  pool: Record<string, string>;
}

/** Everything planning needs to know about the database, in one round trip. */
async function readFacts(em: SqlEntityManager, request: SettledProvisionRequest, domains: PlannedDomain[], schemaName: string | null): Promise<ProvisionFacts> {
  const [row] = await em.execute<
    {
      tenant: ProvisionFacts['tenant'];
      user_id: string | null;
      taken_hostname: string | null;
      schema_exists: boolean;
      schema_owner: ProvisionFacts['schemaOwner'];
      pool: Record<string, string> | null;
    }[]
  >(
    `select (select jsonb_build_object('id', id, 'fingerprint', provision_fingerprint) from tenantry.tenants where slug = ?) as tenant,
            (select id from tenantry.users where lower(email) = lower(?)) as user_id,
            (select hostname from tenantry.domains where hostname in (?) limit 1) as taken_hostname,
            exists (select 1 from pg_namespace where nspname = ?) as schema_exists,
            (select jsonb_build_object('slug', slug, 'purged', status = 'deleted') from tenantry.tenants where schema_name = ?) as schema_owner,
            ${request.isolation === 'shared' ? '(select jsonb_object_agg(migration_id, checksum) from tenantry.shared_migrations)' : 'null::jsonb'} as pool`,
    [request.slug, request.ownerEmail, domains.length > 0 ? domains.map((domain) => domain.hostname) : [''], schemaName ?? '', schemaName ?? ''],
  );
  return {
    tenant: row?.tenant ?? null,
    userId: row?.user_id ?? null,
    takenHostname: row?.taken_hostname ?? null,
    schemaExists: row?.schema_exists === true,
    schemaOwner: row?.schema_owner ?? null,
    pool: row?.pool ?? {},
  };
}

function limitOverrides(request: SettledProvisionRequest): Partial<Limits> {
  const overrides: Partial<Limits> = {};
  if (request.maxUsers !== undefined) overrides.maxUsers = request.maxUsers;
  if (request.maxAssets !== undefined) overrides.maxAssets = request.maxAssets;
  if (request.maxDevices !== undefined) overrides.maxDevices = request.maxDevices;
  if (request.storageQuotaGb !== undefined) overrides.storageQuotaGb = request.storageQuotaGb;
  return overrides;
}

function describeSteps(
  request: SettledProvisionRequest,
  plan: Pick<ProvisionPlan, 'limits' | 'features' | 'schemaName' | 'trialEndsAt' | 'domains' | 'owner'>,
): ProvisionDescriptions {
  const enabled = Object.entries(plan.features)
    .filter(([, on]) => on)
    .map(([name]) => name);
  const isolation = plan.schemaName ? `schema isolation in ${request.adoptSchema ? 'the adopted schema ' : ''}${plan.schemaName}` : 'shared isolation';
  const trial = plan.trialEndsAt ? `, trial until ${plan.trialEndsAt.toISOString().slice(0, 10)}` : '';
  return {
    tenant:
      `Create tenant "${request.name}" (${request.slug}) on plan ${request.plan}${trial}, ${isolation}; ` +
      `limits ${plan.limits.maxUsers} users, ${plan.limits.maxAssets} assets, ${plan.limits.maxDevices} devices, ` +
      `${plan.limits.storageQuotaGb} GB; features: ${enabled.length > 0 ? enabled.join(', ') : 'none'}`,
    owner: plan.owner.existingUserId
      ? `Link the existing user ${plan.owner.email} (their password is unchanged)`
      : `Create user ${plan.owner.email} ${PASSWORD_WORDS[plan.owner.password]}`,
    membership: `Make ${plan.owner.email} a member of ${request.slug} with the owner role`,
    domains: plan.domains.map((domain) => {
      const verification = domain.kind === 'custom' ? ', unverified until its DNS TXT record is found' : '';
      return `Add ${domain.isPrimary ? 'primary ' : ''}${domain.kind} domain ${domain.hostname}${verification}`;
    }),
  };
}

const PASSWORD_WORDS: Record<ProvisionPlan['owner']['password'], string> = {
  given: 'with the given password, to be changed at first login',
  chosen: 'with the password they chose',
  generated: 'with a generated one-time password, to be changed at first login',
  none: 'without a password: they set one through an invitation or a password reset',
  unchanged: '(password unchanged)',
};
