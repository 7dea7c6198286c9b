import { createHash } from 'node:crypto';

const PREFIX = 'tenant_';
const MAX_IDENTIFIER_LENGTH = 63;

/** The PostgreSQL schema of a schema-isolated tenant: `tenant_<slug with _>`, hashed when too long. */
export function schemaNameFor(slug: string): string {
  const name = PREFIX + slug.replaceAll('-', '_');
  if (name.length <= MAX_IDENTIFIER_LENGTH) return name;
  const hash = createHash('sha256').update(slug).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_IDENTIFIER_LENGTH - hash.length - 1)}_${hash}`;
}
