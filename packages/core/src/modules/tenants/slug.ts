import slugify from '@sindresorhus/slugify';

export const SLUG_MIN_LENGTH = 3;
export const SLUG_MAX_LENGTH = 63;

/** Words a tenant may not take: they route to the platform itself or read as system names. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'admin',
  'administrator',
  'api',
  'app',
  'apps',
  'assets',
  'auth',
  'billing',
  'blog',
  'cdn',
  'console',
  'dashboard',
  'default',
  'dev',
  'docs',
  'ftp',
  'help',
  'imap',
  'internal',
  'localhost',
  'login',
  'logout',
  'mail',
  'mx',
  'new',
  'null',
  'ns1',
  'ns2',
  'oauth',
  'pop',
  'postgres',
  'postmaster',
  'public',
  'root',
  'smtp',
  'sso',
  'staging',
  'static',
  'status',
  'support',
  'system',
  'tenant',
  'tenants',
  'tenantry',
  'test',
  'undefined',
  'www',
]);

/** Returns why the slug is not acceptable, or undefined when it is. */
export function slugProblem(slug: string): string | undefined {
  if (slug.length < SLUG_MIN_LENGTH || slug.length > SLUG_MAX_LENGTH) {
    return `must be ${SLUG_MIN_LENGTH} to ${SLUG_MAX_LENGTH} characters (got ${slug.length})`;
  }
  if (!/^[a-z0-9-]+$/.test(slug)) return 'may contain only lowercase letters a-z, digits and hyphens';
  if (!/^[a-z]/.test(slug)) return 'must start with a letter';
  if (slug.endsWith('-')) return 'must not end with a hyphen';
  if (slug.includes('--')) return 'must not contain two hyphens in a row';
  if (RESERVED_SLUGS.has(slug)) return `"${slug}" is reserved`;
  return undefined;
}

/**
 * "Acme Corp" → "acme-corp"; "Straße Øresund Łódź" → "strasse-oresund-lodz" (transliterated, not just
 * stripped of accents). May return an invalid slug for odd names.
 */
export function slugFromName(name: string): string {
  // decamelize off: "iPhone" is one word, and "Ærø" must not split into "a-ero".
  const slug = slugify(name, { decamelize: false });
  return truncateSlug(/^[0-9]/.test(slug) ? `t-${slug}` : slug, SLUG_MAX_LENGTH);
}

/** Candidate slugs for a name, best first; the caller removes the taken ones. */
export function slugCandidates(name: string): string[] {
  const base = slugFromName(name);
  const words = base.split('-').filter(Boolean);
  const candidates = [base];
  if (words.length > 1) candidates.push(words.join(''), words.map((word) => word[0]).join(''));
  const suffixes = ['hq', 'app', 'team', 'co', 'io', ...Array.from({ length: 8 }, (_, i) => String(i + 2))];
  for (const suffix of suffixes) {
    candidates.push(`${truncateSlug(base, SLUG_MAX_LENGTH - suffix.length - 1)}-${suffix}`);
  }
  return [...new Set(candidates)].filter((candidate) => slugProblem(candidate) === undefined);
}

function truncateSlug(slug: string, maxLength: number): string {
  return slug.length <= maxLength ? slug : slug.slice(0, maxLength).replace(/-+$/, '');
}
