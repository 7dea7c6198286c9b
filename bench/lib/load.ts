import autocannon from 'autocannon';

/** Clients calling at once, on both sides of the HTTP figures. */
export const CLIENTS = 50;

export interface Load {
  requests: number;
  /** Wall time over requests: what one request costs when CLIENTS call at once. */
  perRequestMs: number;
  p50Ms: number;
  p99Ms: number;
}

function loadOf(latencies: number[], elapsedMs: number): Load {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] ?? Number.NaN;
  return { requests: sorted.length, perRequestMs: elapsedMs / sorted.length, p50Ms: at(0.5), p99Ms: at(0.99) };
}

/** `amount` calls of `work` from CLIENTS async workers in this process, each call timed. */
export async function sdkLoad(amount: number, work: (index: number) => Promise<unknown>): Promise<Load> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < amount) {
        const index = next++;
        const sent = performance.now();
        await work(index);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  return loadOf(latencies, performance.now() - started);
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** The path (and query) and, for a POST, the JSON body of the index-th request. */
  path: (index: number) => string;
  body?: (index: number) => unknown;
}

/**
 * `amount` requests from autocannon over CLIENTS kept-alive connections, each answer timed from the
 * 'response' event (autocannon's own histogram keeps whole milliseconds only). Every answer must be 2xx.
 */
export async function httpLoad(baseUrl: string, token: string, amount: number, request: HttpRequest): Promise<Load> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: CLIENTS,
        amount,
        // A queue of 50 provisions on the embedded store takes longer than autocannon's default 10 s.
        timeout: 120,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        requests: [
          {
            method: request.method,
            setupRequest: (sent) => {
              const index = next++;
              const body = request.body?.(index);
              return { ...sent, path: request.path(index), ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
            },
          },
        ],
      },
      (error: unknown, done) => (error ? reject(error instanceof Error ? error : new Error(`autocannon failed: ${JSON.stringify(error)}`)) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const elapsedMs = performance.now() - started;
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${request.method} ${request.path(0)}: ${result.non2xx} answers not 2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return loadOf(latencies, elapsedMs);
}
