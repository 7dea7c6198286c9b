import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RUNS } from '../../testing/properties.ts';
import { RESERVED_SLUGS, SLUG_MAX_LENGTH, slugCandidates, slugFromName, slugProblem } from './slug.ts';

/** The constraint the tenants table enforces (migration 0001): an accepted slug must always pass it. */
const DATABASE_SLUG = /^[a-z][a-z0-9-]{1,61}[a-z0-9]$/;
const names = fc.oneof(fc.string({ unit: 'binary', maxLength: 90 }), fc.string({ unit: 'grapheme', maxLength: 90 }), fc.lorem({ maxCount: 12 }));

describe('slugs (properties)', () => {
  it('slugProblem never throws, and a slug it accepts passes the database constraint, has no "--" and is not reserved', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 70 }), fc.stringMatching(/^[a-z][a-z0-9-]{0,64}$/)), (slug) => {
        if (slugProblem(slug) !== undefined) return;
        expect(slug).toMatch(DATABASE_SLUG);
        expect(slug).not.toContain('--');
        expect(RESERVED_SLUGS.has(slug)).toBe(false);
      }),
      RUNS,
    );
  });

  it('slugFromName gives lowercase a-z, digits and single hyphens, at most 63 characters, and is idempotent', () => {
    fc.assert(
      fc.property(names, (name) => {
        const slug = slugFromName(name);
        expect(slug).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
        expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
        expect(slugFromName(slug)).toBe(slug);
        // The only reasons it can still be refused: too short, or a reserved word.
        const problem = slugProblem(slug);
        if (problem !== undefined) expect(slug.length < 3 || RESERVED_SLUGS.has(slug)).toBe(true);
      }),
      RUNS,
    );
  });

  it('slugCandidates are all acceptable and distinct', () => {
    fc.assert(
      fc.property(names, (name) => {
        const candidates = slugCandidates(name);
        expect(new Set(candidates).size).toBe(candidates.length);
        for (const candidate of candidates) expect(slugProblem(candidate)).toBeUndefined();
      }),
      RUNS,
    );
  });
});
