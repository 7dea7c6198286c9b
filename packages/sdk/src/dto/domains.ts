import type { DomainKind, DomainView } from '@tenantry/core';
import type { ChangeDto } from './change.ts';

/** A domain, the one shape `domains.list`, the domain changes and `tenants.get` return. */
export interface DomainDto {
  id: string;
  tenantSlug: string;
  /** ASCII (punycode), as stored. */
  hostname: string;
  /** For people: bücher.example. */
  displayHostname: string;
  kind: DomainKind;
  isPrimary: boolean;
  verified: boolean;
  verifiedAt: string | null;
  /** The TXT record to publish while a custom domain is unverified. */
  verification: { recordName: string; recordValue: string } | null;
  createdAt: string;
}

/** A domain change: its plan (steps, diff, fingerprint) and the domain as applied or, on a dry run, as planned. */
export interface DomainResultDto extends ChangeDto {
  domain: DomainDto;
}

export function toDomainDto(view: DomainView): DomainDto {
  return { ...view, verifiedAt: view.verifiedAt ? view.verifiedAt.toISOString() : null, createdAt: view.createdAt.toISOString() };
}
