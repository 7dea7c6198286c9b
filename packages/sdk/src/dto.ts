import type { FeatureFlags, IsolationMode, Limits, PlanCode, PlanStep, SecurityPolicy, Tenant, TenantStatus, TenantSummary, UsageReport } from '@tenantry/core';
import type { MemberDto } from './dto/members.ts';
import type { DomainDto } from './dto/domains.ts';

/** Plain, JSON-safe views of Tenantry records. Dates are ISO 8601 strings. */
export interface TenantDto {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  plan: PlanCode;
  isolation: IsolationMode;
  schemaName: string | null;
  limits: Limits;
  features: FeatureFlags;
  settings: Record<string, unknown>;
  timeZone: string;
  contactEmail: string | null;
  supportEmail: string | null;
  supportPhone: string | null;
  trialEndsAt: string | null;
  /** Whole days until the trial ends (0 once it has), null without a trial. */
  trialDaysLeft: number | null;
  paidUntil: string | null;
  securityPolicy: SecurityPolicy;
  createdAt: string;
  updatedAt: string;
  deletionScheduledAt: string | null;
  /** Lifecycle: when and why it was suspended, when deletion was asked for, when it was purged. */
  suspendedAt: string | null;
  suspensionReason: string | null;
  deletionRequestedAt: string | null;
  purgedAt: string | null;
}

export interface TenantDetailsDto extends TenantDto {
  domains: DomainDto[];
  members: MemberDto[];
  owners: MemberDto[];
  /** Members plus pending invitations: what `maxUsers` counts. */
  usersUsed: number;
  /** Every limit against what the tenant uses of it (`used: null` where its blueprint has nothing to count). */
  usage: UsageReport;
}

export interface TenantSummaryDto {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  plan: PlanCode;
  isolation: IsolationMode;
  usersUsed: number;
  maxUsers: number;
  trialEndsAt: string | null;
  trialDaysLeft: number | null;
  createdAt: string;
}

export interface TenantListDto {
  items: TenantSummaryDto[];
  /** Every tenant the filters match, on all pages. */
  total: number;
  /** The `cursor` of the next page; null on the last page. */
  nextCursor: string | null;
}

export type PlanStepDto = PlanStep;

export interface ProvisionResultDto {
  result: 'created' | 'unchanged' | 'planned';
  /** Identifies the plan and the state it was computed from: pass it as `expectFingerprint` to apply exactly it. */
  fingerprint: string;
  /** The tenant as it is (created, unchanged) or as it will be (planned). */
  tenant: Pick<TenantDto, 'slug' | 'name' | 'status' | 'plan' | 'isolation' | 'schemaName' | 'limits' | 'features' | 'trialEndsAt'> & Partial<TenantDto>;
  owner: {
    email: string;
    userId: string | null;
    /** true when an existing user was (or will be) linked instead of created. */
    existingUser: boolean;
    mustChangePassword: boolean;
    /** Present only when Tenantry generated the password, only in this result. Show it once. */
    oneTimePassword?: string;
  };
  domains: Pick<DomainDto, 'hostname' | 'kind' | 'isPrimary'>[];
  /**
   * Provisioned (or to be) around an existing schema (`adoptSchema`): the blueprint migrations it already
   * had, recorded without running them, and those run in it. Absent otherwise, and when unchanged.
   */
  adoption?: { schema: string; recorded: string[]; run: string[] };
  steps: PlanStepDto[];
}

const DAY_MS = 86_400_000;

export function trialDaysLeft(trialEndsAt: Date | null, now: Date): number | null {
  if (!trialEndsAt) return null;
  return Math.max(0, Math.ceil((trialEndsAt.getTime() - now.getTime()) / DAY_MS));
}

function iso(date: Date | null | undefined): string | null {
  return date ? new Date(date).toISOString() : null;
}

export function toTenantDto(tenant: Tenant, now: Date): TenantDto {
  return {
    id: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    status: tenant.status,
    plan: tenant.plan,
    isolation: tenant.isolation,
    schemaName: tenant.schemaName ?? null,
    limits: tenant.limits,
    features: tenant.features,
    settings: tenant.settings,
    timeZone: tenant.timeZone,
    contactEmail: tenant.contactEmail ?? null,
    supportEmail: tenant.supportEmail ?? null,
    supportPhone: tenant.supportPhone ?? null,
    trialEndsAt: iso(tenant.trialEndsAt),
    trialDaysLeft: trialDaysLeft(tenant.trialEndsAt ?? null, now),
    paidUntil: iso(tenant.paidUntil),
    securityPolicy: tenant.securityPolicy,
    createdAt: iso(tenant.createdAt) as string,
    updatedAt: iso(tenant.updatedAt) as string,
    deletionScheduledAt: iso(tenant.deletionScheduledAt),
    suspendedAt: iso(tenant.suspendedAt),
    suspensionReason: tenant.suspensionReason ?? null,
    deletionRequestedAt: iso(tenant.deletionRequestedAt),
    purgedAt: iso(tenant.purgedAt),
  };
}

export function toTenantSummaryDto(summary: TenantSummary, now: Date): TenantSummaryDto {
  return {
    id: summary.id,
    slug: summary.slug,
    name: summary.name,
    status: summary.status,
    plan: summary.plan,
    isolation: summary.isolation,
    usersUsed: summary.usersUsed,
    maxUsers: summary.limits.maxUsers,
    trialEndsAt: iso(summary.trialEndsAt),
    trialDaysLeft: trialDaysLeft(summary.trialEndsAt, now),
    createdAt: iso(summary.createdAt) as string,
  };
}
