import type { Blueprint, TenantMigration } from './blueprint.ts';
import { SAMPLE_BLUEPRINT } from './sample-blueprint.ts';

/** Test blueprints: the sample plus migrations added later, as a program would ship them. */
export const DEVICE_TAGS: TenantMigration = {
  id: '0004_device_tags',
  description: 'Tags on devices, to group screens.',
  schema: `alter table devices add column tags text[] not null default '{}'; create index devices_tags_idx on devices using gin (tags)`,
  shared: `alter table devices add column tags text[] not null default '{}'; create index devices_tags_idx on devices using gin (tags)`,
};

export const PLAYLISTS: TenantMigration = {
  id: '0005_playlists',
  description: 'Playlists: named, ordered sets of assets.',
  schema: `create table playlists (id uuid primary key default gen_random_uuid(), name text not null, asset_ids uuid[] not null default '{}')`,
  shared: `create table playlists (tenant_id uuid not null default nullif(current_setting('app.current_tenant_id', true), '')::uuid,
             id uuid not null default gen_random_uuid(), name text not null, asset_ids uuid[] not null default '{}', primary key (tenant_id, id))`,
};

export const withMigrations = (...extra: TenantMigration[]): Blueprint => ({ ...SAMPLE_BLUEPRINT, migrations: [...SAMPLE_BLUEPRINT.migrations, ...extra] });
