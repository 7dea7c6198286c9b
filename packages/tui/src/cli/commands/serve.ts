import { DELIVERY_ATTEMPT_TIMEOUT_MS, PLAN_CODES, TenantryError } from '@tenantry/sdk';
import type { createServer } from '@tenantry/http';
import { defineCommand } from '../command.ts';

const DEFAULT_PORT = 8080;

export const serveCommand = defineCommand({
  path: ['serve'],
  summary: 'Serves the HTTP API (OpenAPI at /v1/openapi.json) on the embedded store or a server database.',
  description:
    'Every route is a call of the same operations as the CLI and the SDK, authenticated with a service token (tenantry token create) or a tenant API key; docs/http.md explains authentication, errors, pagination, idempotency and dry runs. One JSON log line per request goes to stdout, with the request id that every audit event of the call carries. It also delivers lifecycle events to the webhook subscriptions (tenantry webhook add), one log line per attempt, unless --no-delivery. SIGTERM or Ctrl-C stops accepting calls, finishes those in flight and the deliveries being attempted, then closes the database.',
  flags: [
    { name: 'host', type: 'string', placeholder: 'ADDRESS', description: 'The address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).' },
    { name: 'port', type: 'integer', placeholder: 'PORT', description: `The port (default ${DEFAULT_PORT}; 0 picks a free one and prints it).` },
    { name: 'allow-signup', type: 'boolean', description: 'Turn on self-service sign-up (POST /v1/signup), rate-limited per client address.' },
    { name: 'signup-plan', type: 'string', placeholder: 'PLAN', choices: PLAN_CODES, description: 'The plan a signed-up tenant gets (default basic).' },
    {
      name: 'no-delivery',
      type: 'boolean',
      description: 'Do not deliver events to webhook subscriptions here (another process runs tenantry events deliver).',
    },
    {
      name: 'log-level',
      type: 'string',
      placeholder: 'LEVEL',
      choices: ['debug', 'info', 'warn', 'error'],
      description: 'The least severe log lines written (default info).',
    },
  ],
  examples: [
    { description: 'Serve on 127.0.0.1:8080 (first: tenantry token create --name backend)', command: 'tenantry serve' },
    {
      description: 'Every interface, with self-service sign-up on the starter plan',
      command: 'tenantry serve --host 0.0.0.0 --allow-signup --signup-plan basic',
    },
    { description: 'Call it', command: 'curl -H "Authorization: Bearer $TENANTRY_TOKEN" http://127.0.0.1:8080/v1/tenants' },
  ],
  async run(ctx, { flags }) {
    const port = flags.port === undefined ? DEFAULT_PORT : Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw TenantryError.invalidInput([{ path: '--port', message: 'must be a port from 0 to 65535' }]);
    const host = typeof flags.host === 'string' ? flags.host : '127.0.0.1';
    const client = await ctx.client();
    const http = await import('@tenantry/http');
    const server = await http.createServer(client, {
      allowSignup: flags['allow-signup'] === true,
      ...(typeof flags['signup-plan'] === 'string' ? { signupPlan: flags['signup-plan'] as (typeof PLAN_CODES)[number] } : {}),
      log: { stream: ctx.io.stdout, level: (flags['log-level'] as 'info' | undefined) ?? 'info' },
    });
    const stopped = new Promise<void>((resolve) => server.addHook('onClose', async () => resolve()));
    // A request in flight may take up to the request timeout to arrive and be answered.
    ctx.onShutdown(() => server.close(), { graceMs: http.DEFAULT_REQUEST_TIMEOUT_MS });
    if (flags['no-delivery'] !== true) {
      // One JSON log line per attempt, beside the request lines; stopped after the server, its attempts settled.
      const worker = client.webhooks.startDelivery({
        onAttempt: (attempt) => server.log[attempt.status === 'delivered' ? 'info' : 'warn']({ delivery: attempt }, `webhook delivery ${attempt.status}`),
        onError: (error) => server.log.error({ err: error }, 'webhook delivery run failed'),
      });
      ctx.onShutdown(() => worker.stop(), { graceMs: DELIVERY_ATTEMPT_TIMEOUT_MS });
    }
    const address = await listen(server, host, port);
    const plan = typeof flags['signup-plan'] === 'string' ? flags['signup-plan'] : 'basic';
    const signup = flags['allow-signup'] === true ? `sign-up on (${plan} plan)` : 'sign-up off';
    ctx.info(`${ctx.style.green('✓')} Serving the Tenantry API on ${address} (${signup}); OpenAPI at ${address}/v1/openapi.json. Ctrl-C stops.`);
    await stopped;
  },
});

async function listen(server: Awaited<ReturnType<typeof createServer>>, host: string, port: number): Promise<string> {
  try {
    return await server.listen({ host, port });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw TenantryError.invalidInput([{ path: '--port', message: `${host}:${port} cannot be listened on (${code}); choose another --host or --port` }]);
    }
    throw error;
  }
}
