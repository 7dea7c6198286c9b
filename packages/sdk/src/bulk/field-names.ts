/**
 * Column and key names a bulk file may use for each provisioning field: the `tenant create` flag names
 * (owner-email), the SDK's (ownerEmail), snake_case (owner_email), and the seeds' own words (subdomain,
 * plan_type, custom_domain; django-tenants' schema_name names the schema). Compared without case, '-' or '_'.
 */
const ALIASES: Record<string, readonly string[]> = {
  name: ['name', 'org', 'organization', 'tenantname'],
  slug: ['slug', 'subdomain', 'tenantslug'],
  ownerEmail: ['owneremail', 'adminemail'],
  ownerName: ['ownername', 'adminname'],
  ownerPassword: ['ownerpassword', 'adminpassword'],
  plan: ['plan', 'plantype'],
  maxUsers: ['maxusers'],
  maxAssets: ['maxassets'],
  maxDevices: ['maxdevices'],
  storageQuotaGb: ['storagequota', 'storagequotagb'],
  features: ['feature', 'features'],
  noFeatures: ['nofeature', 'nofeatures'],
  domain: ['domain', 'customdomain'],
  trialDays: ['trialdays'],
  timeZone: ['timezone'],
  contactEmail: ['contactemail'],
  supportEmail: ['supportemail'],
  supportPhone: ['supportphone'],
  isolation: ['isolation'],
  schemaName: ['schemaname', 'schema'],
  adoptSchema: ['adoptschema'],
  allowExistingUser: ['allowexistinguser'],
  skipDemoData: ['skipdemodata'],
};

const BY_KEY = new Map(Object.entries(ALIASES).flatMap(([field, keys]) => keys.map((key) => [key, field] as const)));

export const INTEGER_FIELDS = new Set(['maxUsers', 'maxAssets', 'maxDevices', 'storageQuotaGb', 'trialDays']);
export const BOOLEAN_FIELDS = new Set(['allowExistingUser', 'skipDemoData', 'adoptSchema']);

/** The field a column or key names, or undefined when it names none. */
export function fieldFor(name: string): string | undefined {
  return BY_KEY.get(name.toLowerCase().replace(/[-_\s]/g, ''));
}

/** The seeds call the analytics feature analytics_dashboard. */
export const FEATURE_ALIASES: Record<string, string> = { analytics_dashboard: 'analytics', 'analytics-dashboard': 'analytics' };

export function canonicalFeature(name: string): string {
  const trimmed = name.trim();
  return FEATURE_ALIASES[trimmed.toLowerCase()] ?? trimmed;
}
