import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WireMultiplexer } from './wire-multiplexer.ts';

let pglite: PGlite;
let server: Server;
const socketDir = mkdtempSync(join(tmpdir(), 'tenantry-mux-'));
const clients: pg.Client[] = [];

const connect = async (): Promise<pg.Client> => {
  const client = new pg.Client({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres' });
  await client.connect();
  clients.push(client);
  return client;
};
/** Resolves once `promise` has settled, to tell whether it did within a turn of the backend. */
const settled = async (promise: Promise<unknown>, probe: pg.Client) => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await probe.query('select 1');
  return done;
};

beforeAll(async () => {
  pglite = await PGlite.create();
  const mux = new WireMultiplexer(pglite);
  server = createServer((socket) => void mux.serve(socket));
  await new Promise<void>((resolve) => server.listen(join(socketDir, '.s.PGSQL.5432'), resolve));
  await pglite.exec('create table counters (id int primary key, n int not null); insert into counters values (1, 0)');
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  await new Promise((resolve) => server.close(resolve));
  await pglite.close();
});

describe('several wire-protocol clients on one PGlite', () => {
  it('never mix up parameterised (extended-protocol) queries of different clients', async () => {
    const many = await Promise.all(Array.from({ length: 8 }, () => connect()));
    const answers = await Promise.all(
      many.flatMap((client, i) =>
        Array.from({ length: 25 }, (_, j) =>
          client.query<{ v: number }>('select $1::int * 1000 + $2::int as v', [i, j]).then((result) => result.rows[0]?.v === i * 1000 + j),
        ),
      ),
    );
    expect(answers.filter((right) => !right)).toEqual([]);
  });

  it('keep a transaction to its client: others wait until it commits, and see all of it', async () => {
    const [writer, reader, probe] = [await connect(), await connect(), await connect()];
    await writer.query('begin');
    await writer.query('update counters set n = n + 1 where id = 1');
    const read = reader.query<{ n: number }>('select n from counters where id = 1');
    expect(await settled(read, writer)).toBe(false);
    await writer.query('update counters set n = n + 1 where id = 1');
    await writer.query('commit');
    expect((await read).rows).toEqual([{ n: 2 }]);
    expect((await probe.query('select 1 as ok')).rows).toEqual([{ ok: 1 }]);
  });

  it('recover from a failed statement inside and outside a transaction', async () => {
    const client = await connect();
    await expect(client.query('select 1 / $1::int', [0])).rejects.toThrow(/division by zero/);
    await client.query('begin');
    await expect(client.query('select 1 / 0')).rejects.toThrow(/division by zero/);
    await client.query('rollback');
    expect((await (await connect()).query('select 2 as two')).rows).toEqual([{ two: 2 }]);
  });

  it('roll back what a client that disconnects mid-transaction left open, and serve the others', async () => {
    const leaver = await connect();
    await leaver.query('begin');
    await leaver.query('update counters set n = 100 where id = 1');
    const other = await connect();
    const waiting = other.query<{ n: number }>('select n from counters where id = 1');
    await leaver.end();
    expect((await waiting).rows).toEqual([{ n: 2 }]);
  });
});
