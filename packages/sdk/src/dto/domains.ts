import type { DomainKind, DomainView } from '@tenantry/core';
import type { ChangeDto } from './change.ts';

export interface DomainRecordDto {
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

export interface DomainResultDto extends ChangeDto {
  domain: DomainRecordDto;
}

export function toDomainRecordDto(view: DomainView): DomainRecordDto {
  return { ...view, verifiedAt: view.verifiedAt ? view.verifiedAt.toISOString() : null, createdAt: view.createdAt.toISOString() };
}
