import type { Blueprint } from './blueprint.ts';

/** In shared tables, `tenant_id` defaults to the session's tenant, so application inserts need not name it. */
const TENANT_ID = `tenant_id uuid not null default nullif(current_setting('app.current_tenant_id', true), '')::uuid`;

/**
 * The blueprint Tenantry ships and uses by default: digital-signage content (assets), the screens that
 * play it (devices) and QR codes that point at it (qr_contents). Programs pass their own blueprint.
 */
export const SAMPLE_BLUEPRINT: Blueprint = {
  name: 'tenantry-sample',
  migrations: [
    {
      id: '0001_assets',
      description: 'Assets: media and web pages a device plays, with schedule, order and size.',
      schema: [
        `create table assets (
          id uuid primary key default gen_random_uuid(),
          name text not null check (length(name) between 1 and 200),
          uri text not null,
          mimetype text not null,
          duration_seconds integer not null default 10 check (duration_seconds > 0),
          starts_at timestamptz,
          ends_at timestamptz,
          is_enabled boolean not null default true,
          play_order integer not null default 0,
          size_bytes bigint not null default 0 check (size_bytes >= 0),
          metadata jsonb not null default '{}'::jsonb,
          created_by uuid,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          constraint assets_schedule_order check (ends_at is null or starts_at is null or ends_at > starts_at)
        )`,
        `create index assets_playlist_idx on assets (is_enabled, play_order)`,
        `create index assets_schedule_idx on assets (starts_at, ends_at)`,
        `create index assets_mimetype_idx on assets (mimetype)`,
      ],
      shared: [
        `create table assets (
          ${TENANT_ID},
          id uuid not null default gen_random_uuid(),
          name text not null check (length(name) between 1 and 200),
          uri text not null,
          mimetype text not null,
          duration_seconds integer not null default 10 check (duration_seconds > 0),
          starts_at timestamptz,
          ends_at timestamptz,
          is_enabled boolean not null default true,
          play_order integer not null default 0,
          size_bytes bigint not null default 0 check (size_bytes >= 0),
          metadata jsonb not null default '{}'::jsonb,
          created_by uuid,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          constraint assets_pkey primary key (tenant_id, id),
          constraint assets_schedule_order check (ends_at is null or starts_at is null or ends_at > starts_at)
        )`,
        `create index assets_playlist_idx on assets (tenant_id, is_enabled, play_order)`,
        `create index assets_schedule_idx on assets (tenant_id, starts_at, ends_at)`,
        `create index assets_mimetype_idx on assets (tenant_id, mimetype)`,
      ],
    },
    {
      id: '0002_devices',
      description: 'Devices: the screens, with serial number, status, network address and what they play now.',
      schema: [
        `create table devices (
          id uuid primary key default gen_random_uuid(),
          name text not null check (length(name) between 1 and 200),
          serial_number text not null,
          status text not null default 'offline' check (status in ('online', 'offline', 'maintenance', 'retired')),
          location text,
          resolution text check (resolution is null or resolution ~ '^[0-9]+x[0-9]+$'),
          ip_address inet,
          last_seen_at timestamptz,
          current_asset_id uuid references assets (id) on delete set null,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          constraint devices_serial_number_key unique (serial_number)
        )`,
        `create index devices_status_idx on devices (status)`,
        `create index devices_last_seen_idx on devices (last_seen_at desc)`,
        `create index devices_current_asset_idx on devices (current_asset_id)`,
      ],
      shared: [
        `create table devices (
          ${TENANT_ID},
          id uuid not null default gen_random_uuid(),
          name text not null check (length(name) between 1 and 200),
          serial_number text not null,
          status text not null default 'offline' check (status in ('online', 'offline', 'maintenance', 'retired')),
          location text,
          resolution text check (resolution is null or resolution ~ '^[0-9]+x[0-9]+$'),
          ip_address inet,
          last_seen_at timestamptz,
          current_asset_id uuid,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          constraint devices_pkey primary key (tenant_id, id),
          constraint devices_serial_number_key unique (tenant_id, serial_number),
          constraint devices_current_asset_fkey foreign key (tenant_id, current_asset_id)
            references assets (tenant_id, id) on delete set null (current_asset_id)
        )`,
        `create index devices_status_idx on devices (tenant_id, status)`,
        `create index devices_last_seen_idx on devices (tenant_id, last_seen_at desc)`,
        `create index devices_current_asset_idx on devices (tenant_id, current_asset_id)`,
      ],
    },
    {
      id: '0003_qr_contents',
      description: 'QR contents: short codes printed as QR codes, each resolving to a URL, text, Wi-Fi or vCard payload.',
      schema: [
        `create table qr_contents (
          id uuid primary key default gen_random_uuid(),
          code text not null check (code ~ '^[A-Za-z0-9_-]{4,32}$'),
          kind text not null check (kind in ('url', 'text', 'wifi', 'vcard')),
          payload text not null,
          asset_id uuid references assets (id) on delete cascade,
          scan_count integer not null default 0 check (scan_count >= 0),
          expires_at timestamptz,
          created_at timestamptz not null default now(),
          constraint qr_contents_code_key unique (code)
        )`,
        `create index qr_contents_asset_idx on qr_contents (asset_id)`,
        `create index qr_contents_expires_idx on qr_contents (expires_at) where expires_at is not null`,
      ],
      shared: [
        `create table qr_contents (
          ${TENANT_ID},
          id uuid not null default gen_random_uuid(),
          code text not null check (code ~ '^[A-Za-z0-9_-]{4,32}$'),
          kind text not null check (kind in ('url', 'text', 'wifi', 'vcard')),
          payload text not null,
          asset_id uuid,
          scan_count integer not null default 0 check (scan_count >= 0),
          expires_at timestamptz,
          created_at timestamptz not null default now(),
          constraint qr_contents_pkey primary key (tenant_id, id),
          constraint qr_contents_code_key unique (tenant_id, code),
          constraint qr_contents_asset_fkey foreign key (tenant_id, asset_id) references assets (tenant_id, id) on delete cascade
        )`,
        `create index qr_contents_asset_idx on qr_contents (tenant_id, asset_id)`,
        `create index qr_contents_expires_idx on qr_contents (tenant_id, expires_at) where expires_at is not null`,
      ],
    },
  ],
  demoData: {
    description: 'a welcome page, a product video and a menu board; two devices (one playing the welcome page); two QR codes',
    schema: [
      `insert into assets (id, name, uri, mimetype, duration_seconds, play_order, size_bytes, metadata) values
        ('00000000-0000-4000-8000-00000000a001', 'Welcome', 'welcome-template.html', 'text/html', 15, 1, 4096, '{"demo": true}'),
        ('00000000-0000-4000-8000-00000000a002', 'Product video', 'https://cdn.example.com/demo/product.mp4', 'video/mp4', 45, 2, 52428800, '{"demo": true, "width": 1920, "height": 1080}'),
        ('00000000-0000-4000-8000-00000000a003', 'Menu board', 'https://cdn.example.com/demo/menu.png', 'image/png', 20, 3, 812000, '{"demo": true}')`,
      `insert into devices (name, serial_number, status, location, resolution, ip_address, last_seen_at, current_asset_id) values
        ('Lobby screen', 'DEMO-0001', 'online', 'Lobby', '1920x1080', '10.0.0.21', now(), '00000000-0000-4000-8000-00000000a001'),
        ('Cafeteria screen', 'DEMO-0002', 'offline', 'Cafeteria', '3840x2160', null, null, null)`,
      `insert into qr_contents (code, kind, payload, asset_id) values
        ('demo-welcome', 'url', 'https://example.com/welcome', '00000000-0000-4000-8000-00000000a001'),
        ('demo-wifi', 'wifi', 'WIFI:T:WPA;S:Guest;P:change-me;;', null)`,
    ],
  },
};

/** The blueprint a context uses: its own, else the sample. */
export function blueprintOf(ctx: { blueprint?: Blueprint | undefined }): Blueprint {
  return ctx.blueprint ?? SAMPLE_BLUEPRINT;
}
