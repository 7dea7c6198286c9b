import { createServer, connect, type Server, type Socket } from 'node:net';

export interface CutProxy {
  /** The database URL through the proxy. */
  url: string;
  /** Whether the proxy has cut the connections (the armed statement was sent, or `cut()`). */
  wasCut(): boolean;
  /** Resolves when the proxy has cut the connections. */
  cutDone: Promise<void>;
  /** Cuts every connection the next time a client sends `text` for the `occurrence`-th time (default the first). */
  cutOn(text: string, occurrence?: number): void;
  /** Cuts now: every open connection is destroyed and new ones are refused, as when the server stops. */
  cut(): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of a PostgreSQL server that can be cut mid-command. Armed with a statement,
 * it cuts at the moment the client sends it (the command is then inside its transaction), so a test
 * waits for that state instead of for time. After the cut it refuses every connection.
 */
export async function startCutProxy(targetUrl: string): Promise<CutProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let armed: { text: string; remaining: number } | undefined;
  let isCut = false;
  let markCut: () => void = () => undefined;
  const cutDone = new Promise<void>((resolve) => (markCut = resolve));
  const cut = () => {
    isCut = true;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    markCut();
  };
  const server: Server = createServer((client) => {
    if (isCut) return void client.destroy();
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    upstream.on('data', (chunk: Buffer) => void client.write(chunk));
    client.on('data', (chunk: Buffer) => {
      if (isCut) return;
      if (armed && chunk.toString('latin1').includes(armed.text) && --armed.remaining === 0) return cut();
      upstream.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(address.port);
  return {
    url: url.toString(),
    cutDone,
    wasCut: () => isCut,
    cutOn: (text, occurrence = 1) => void (armed = { text, remaining: occurrence }),
    cut,
    close: () => {
      cut();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
