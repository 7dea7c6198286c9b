import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from './split-sql.ts';

describe('splitSqlStatements', () => {
  it('splits on semicolons outside quotes, dollar quotes and comments', () => {
    const sql = `
      -- a comment; with a semicolon
      create table a (x text default 'a;b', "we;ird" int);
      /* block; /* nested; */ still comment; */
      insert into a values (E'it\\'s; fine', 1);
      do $body$ begin perform 1; end $body$;
      create function f() returns int language sql as $$ select 1; $$;
      select '{"k":1}'::jsonb ? 'k'
    `;
    expect(splitSqlStatements(sql)).toEqual([
      '-- a comment; with a semicolon\n      create table a (x text default \'a;b\', "we;ird" int)',
      "/* block; /* nested; */ still comment; */\n      insert into a values (E'it\\'s; fine', 1)",
      'do $body$ begin perform 1; end $body$',
      'create function f() returns int language sql as $$ select 1; $$',
      `select '{"k":1}'::jsonb ? 'k'`,
    ]);
  });

  it('drops empty statements and trailing comments', () => {
    expect(splitSqlStatements(';;  select 1;\n-- done\n')).toEqual(['select 1']);
    expect(splitSqlStatements('select $1::int')).toEqual(['select $1::int']);
  });
});
