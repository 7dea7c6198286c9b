import { describe, expect, it } from 'vitest';
import { slugCandidates, slugFromName, slugProblem } from './slug.ts';

describe('slugFromName', () => {
  it.each([
    ['Acme Corp', 'acme-corp'],
    ['  Société Générale  ', 'societe-generale'],
    ['O’Brien & Sons, Ltd.', 'o-brien-and-sons-ltd'],
    ['Straße Øresund Łódź', 'strasse-oresund-lodz'],
    ['Ærø iPhone Club', 'aero-iphone-club'],
    ['3M Company', 't-3m-company'],
    ['ACME', 'acme'],
  ])('%s → %s', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
    expect(slugProblem(slug)).toBeUndefined();
  });

  it('keeps derived slugs within 63 characters, without a trailing hyphen', () => {
    const slug = slugFromName(`${'word '.repeat(30)}end`);
    expect(slug.length).toBeLessThanOrEqual(63);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('slugProblem', () => {
  it.each([
    ['ab', 'must be 3 to 63 characters (got 2)'],
    ['a'.repeat(64), 'must be 3 to 63 characters (got 64)'],
    ['Acme', 'may contain only lowercase letters a-z, digits and hyphens'],
    ['acme_corp', 'may contain only lowercase letters a-z, digits and hyphens'],
    ['1acme', 'must start with a letter'],
    ['-acme', 'must start with a letter'],
    ['acme-', 'must not end with a hyphen'],
    ['xn--acme', 'must not contain two hyphens in a row'],
    ['admin', '"admin" is reserved'],
  ])('%s: %s', (slug, problem) => {
    expect(slugProblem(slug)).toBe(problem);
  });
});

describe('slugCandidates', () => {
  it('offers the derived slug first, then joined words, initials and suffixes, all valid', () => {
    const candidates = slugCandidates('Acme Corp');
    expect(candidates.slice(0, 3)).toEqual(['acme-corp', 'acmecorp', 'acme-corp-hq']);
    expect(slugCandidates('Big Cheese Co')).toContain('bcc');
    expect(candidates.every((slug) => slugProblem(slug) === undefined)).toBe(true);
    expect(new Set(candidates).size).toBe(candidates.length);
  });

  it('leaves room for suffixes on long names', () => {
    const candidates = slugCandidates('x'.repeat(80));
    expect(candidates).toContain(`${'x'.repeat(60)}-hq`);
    expect(candidates.every((slug) => slug.length <= 63)).toBe(true);
  });
});
