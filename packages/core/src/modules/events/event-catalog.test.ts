import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OPERATION_REGISTRY } from '../../operations/registry.ts';
import { EVENT_CATALOG, NO_EVENT, eventTypeOf } from './event-catalog.ts';

const CORE_SOURCE = fileURLToPath(new URL('../../', import.meta.url));

/** Every `'x.y'` literal on a line that sets an audit action in core's sources (secondary entries, other writers). */
function actionsWrittenInSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return actionsWrittenInSources(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts') || path.includes(`${join('src', 'testing')}`)) return [];
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => /\baction\b/.test(line))
      .flatMap((line) => [...line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)].map((match) => match[1] as string));
  });
}

describe('the event catalog', () => {
  const registryActions = Object.values(OPERATION_REGISTRY).flatMap((operation) => [...operation.audit]);

  it.each([...new Set(registryActions)])('maps the operations’ audit action %s to one event type, or to none with a reason', (action) => {
    expect(eventTypeOf(action) !== null || action in NO_EVENT, `${action} is neither in EVENT_CATALOG nor in NO_EVENT`).toBe(true);
  });

  it('maps every audit action written elsewhere (secondary entries, repairs, migrations)', () => {
    const unmapped = [...new Set(actionsWrittenInSources(CORE_SOURCE))].filter((action) => eventTypeOf(action) === null && !(action in NO_EVENT));
    expect(unmapped).toEqual([]);
  });

  it('maps an action to one type at most, and never both to a type and to none', () => {
    const from = EVENT_CATALOG.flatMap((spec) => [...spec.from]);
    expect(from.filter((action, index) => from.indexOf(action) !== index)).toEqual([]);
    expect(from.filter((action) => action in NO_EVENT)).toEqual([]);
    const types = EVENT_CATALOG.map((spec) => spec.type);
    expect(new Set(types).size).toBe(types.length);
    for (const spec of EVENT_CATALOG) expect(spec.description, spec.type).toMatch(/^[A-Z].*\.$/);
  });
});
