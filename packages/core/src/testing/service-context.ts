import type { ServiceContext } from '../context.ts';
import type { Database } from '../db/database.ts';
import { uuidv7 } from '../db/ids.ts';

/** A context for use-case tests: the operator actor, a fixed or real clock, a fresh correlation id. */
export function testContext(database: Database, overrides: Partial<ServiceContext> = {}): ServiceContext {
  return {
    em: database.fork(),
    actor: { type: 'operator', label: 'test-operator' },
    now: () => new Date(),
    correlationId: uuidv7(),
    settings: {},
    ...overrides,
  };
}

let counter = 0;

/** A valid provisioning input with unique slug and email; override any field. */
export function tenantInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  const id = `${Date.now().toString(36)}${counter}`;
  return { name: `Tenant ${id}`, slug: `tenant-${id}`, ownerEmail: `owner-${id}@example.com`, ...overrides };
}
