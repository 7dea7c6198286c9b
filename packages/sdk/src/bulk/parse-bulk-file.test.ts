import { describe, expect, it } from 'vitest';
import { TenantryError } from '../index.ts';
import { parseBulkFile } from './parse-bulk-file.ts';

function failure(run: () => unknown): TenantryError {
  try {
    run();
  } catch (error) {
    if (error instanceof TenantryError) return error;
    throw error;
  }
  throw new Error('expected a TenantryError');
}

describe('parseBulkFile, CSV', () => {
  it('reads quotes, escaped quotes, separators and newlines in quotes, a BOM and CRLF, with each row’s line', () => {
    const csv =
      '\uFEFFname,slug,owner-email,plan,max-users,feature,no-feature,skip-demo-data\r\n' +
      '"Acme, Inc.",acme,owner@acme.test,professional,75,"sso;custom_branding",analytics,yes\r\n' +
      '\r\n' +
      '"The ""Quoted"" Co",quoted,q@quoted.test,,,,,\r\n' +
      '"Two\r\nLines",two-lines,two@lines.test,basic,ten,,,maybe\r\n';
    expect(parseBulkFile(csv, { name: 'tenants.csv' })).toEqual({
      format: 'csv',
      rows: [
        {
          row: 1,
          line: 2,
          input: {
            name: 'Acme, Inc.',
            slug: 'acme',
            ownerEmail: 'owner@acme.test',
            plan: 'professional',
            maxUsers: 75,
            features: { sso: true, custom_branding: true, analytics: false },
            skipDemoData: true,
          },
        },
        { row: 2, line: 4, input: { name: 'The "Quoted" Co', slug: 'quoted', ownerEmail: 'q@quoted.test' } },
        {
          row: 3,
          line: 5,
          input: { name: 'Two\r\nLines', slug: 'two-lines', ownerEmail: 'two@lines.test', plan: 'basic', maxUsers: 'ten', skipDemoData: 'maybe' },
        },
      ],
    });
  });

  it('takes snake_case and camelCase headers, and refuses unknown or repeated columns and broken quoting', () => {
    const rows = parseBulkFile('Owner_Email,tenantName,subdomain\nx@y.test,X,xx-corp\n').rows;
    expect(rows[0]?.input).toEqual({ ownerEmail: 'x@y.test', name: 'X', slug: 'xx-corp' });
    const unknown = failure(() => parseBulkFile('name,owner-email,colour\nA,a@b.test,red\n'));
    expect(unknown.details.issues).toEqual([{ path: 'file', message: 'column "colour" is not a tenant create field' }]);
    expect(failure(() => parseBulkFile('name,org\nA,B\n')).details.issues).toEqual([{ path: 'file', message: 'more than one column fills name' }]);
    expect(failure(() => parseBulkFile('name,owner-email\n"Open,a@b.test\n')).code).toBe('INVALID_INPUT');
  });

  it("reads django-tenants' schema_name as the schema (not the slug), and adopt_schema as a yes/no", () => {
    const rows = parseBulkFile('name,subdomain,schema_name,adopt_schema\nTheo Stam,theo,theo,yes\n').rows;
    expect(rows[0]?.input).toEqual({ name: 'Theo Stam', slug: 'theo', schemaName: 'theo', adoptSchema: true });
  });
});

describe('parseBulkFile, JSON (the seeds format)', () => {
  it('maps tenant, users with roles, features and settings', () => {
    const seeds = JSON.stringify([
      {
        tenant: {
          name: 'Acme Corporation',
          subdomain: 'acme-corp',
          plan_type: 'professional',
          contact_email: 'billing@acme.com',
          max_assets: 750,
          max_users: 40,
        },
        users: [
          { email: 'admin@acme.com', role: 'owner' },
          { email: 'manager@acme.com', role: 'admin' },
        ],
        features: { analytics_dashboard: true, api_access: true, custom_branding: false },
        settings: { theme: 'corporate', timezone: 'America/New_York', notifications: { email: true, in_app: true } },
      },
      { name: 'Plain', ownerEmail: 'plain@example.com', isolation: 'shared' },
    ]);
    expect(parseBulkFile(seeds)).toEqual({
      format: 'json',
      rows: [
        {
          row: 1,
          input: {
            name: 'Acme Corporation',
            slug: 'acme-corp',
            plan: 'professional',
            contactEmail: 'billing@acme.com',
            maxAssets: 750,
            maxUsers: 40,
            ownerEmail: 'admin@acme.com',
            invitations: [{ email: 'manager@acme.com', role: 'admin' }],
            features: { analytics: true, api_access: true, custom_branding: false },
            timeZone: 'America/New_York',
            settings: { theme: 'corporate', notifications: { email: true, in_app: true } },
          },
        },
        { row: 2, input: { name: 'Plain', ownerEmail: 'plain@example.com', isolation: 'shared' } },
      ],
    });
  });

  it('refuses JSON that does not parse or is not an array', () => {
    expect(failure(() => parseBulkFile('[{"name": }]')).code).toBe('INVALID_INPUT');
    expect(failure(() => parseBulkFile('{"tenant": {}}', { format: 'json' })).details.issues).toEqual([
      { path: 'file', message: 'must be a JSON array with one entry per tenant' },
    ]);
  });
});
