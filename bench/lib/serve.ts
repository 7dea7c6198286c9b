import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../packages/tui/dist/bin.js', import.meta.url));

export interface Serving {
  url: string;
  /** SIGTERM, and the process's end. */
  stop(): Promise<void>;
}

/**
 * The built binary's `tenantry serve` on a free port, as deployed: its own process, the default log
 * level (its JSON lines go to /dev/null), on the database `env` names.
 */
export async function startServe(env: Record<string, string>): Promise<Serving> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TENANTRY_CONFIG: join(tmpdir(), 'tenantry-bench-has-no-config.toml'), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ended = new Promise<number | null>((resolve) => child.on('close', resolve));
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const listening = /Serving the Tenantry API on (http:\/\/\S+) /.exec(stderr)?.[1];
      if (listening) resolve(listening);
    });
    void ended.then((code) => reject(new Error(`tenantry serve exited ${code} before listening:\n${stderr}`)));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await ended;
    },
  };
}
