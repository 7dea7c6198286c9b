import { describe, expect, it } from 'vitest';
import { sqlBlock } from './sql-block.ts';

describe('sqlBlock', () => {
  it('indents every line under the step and keeps the statement’s own indentation', () => {
    const sql = 'create table assets (\n        id uuid primary key,\n        name text not null\n      )';
    expect(sqlBlock(sql, '     ')).toBe('     create table assets (\n       id uuid primary key,\n       name text not null\n     )');
  });

  it('leaves a one-line statement as it is, after the prefix', () => {
    expect(sqlBlock('create schema "tenant_acme"', '  ')).toBe('  create schema "tenant_acme"');
  });
});
