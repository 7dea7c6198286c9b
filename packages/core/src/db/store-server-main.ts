/**
 * The serving process of the embedded store: `node store-server-main.(ts|js) <home> <idle-ms>`,
 * spawned detached by the first client (store-client.ts). Its stdout and stderr are `<home>/store.log`.
 */
import { parseArgs } from 'node:util';
import { startStoreServer } from './store-server.ts';

const { positionals } = parseArgs({ allowPositionals: true, strict: true });
const [home, idle] = positionals;
if (home === undefined || idle === undefined || !/^\d+$/.test(idle)) throw new Error('usage: store-server-main <home> <idle-ms>');
// Everything this process creates in the store (PGlite's files, the socket) is private to its owner.
process.umask(0o077);
const log = (line: string) => void process.stdout.write(`${new Date().toISOString()} ${line}\n`);
const server = await startStoreServer({ home, idleMs: Number(idle), log });
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => server.stop(`${signal} received`));
await server.stopped;
