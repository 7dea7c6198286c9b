import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** Runs the built `tenantry`; resolves with its stdout, fails with its stderr on a non-zero exit. */
export type Cli = (args: string[], input?: string) => Promise<string>;

/** The binary with exactly `env`; a command still running is in `running` (for `endAll`). */
export function cliRunner(bin: string, env: Record<string, string>, running: Set<ChildProcess>): Cli {
  return (args, input = '') =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
      running.add(child);
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code, signal) => {
        running.delete(child);
        if (code === 0) resolve(stdout);
        else reject(new Error(`tenantry ${args.join(' ')} ${signal ? `was ended by ${signal}` : `exited ${code}`}:\n${stderr}`));
      });
      child.stdin.end(input);
    });
}

/** Kills the commands still running (their work goes with the store) and resolves once they have ended. */
export async function endAll(running: Set<ChildProcess>): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      const ended = once(child, 'close');
      child.kill('SIGKILL');
      await ended;
    }),
  );
}

const PASSWORD = 'Screenshot-Passw0rd';

/** Sends an invitation and accepts it, as the invitee would: a member with that role. */
async function addMember(cli: Cli, slug: string, email: string, name: string, role: string): Promise<void> {
  const sent = JSON.parse(await cli(['invite', 'send', slug, email, '--role', role, '--json'])) as { invitation: { token: string } };
  await cli(['invite', 'accept', sent.invitation.token, '--password-stdin', '--name', name, '--json'], PASSWORD);
}

const create = (cli: Cli, name: string, ownerEmail: string, ownerName: string, ...flags: string[]) =>
  cli(['tenant', 'create', '--name', name, '--owner-email', ownerEmail, '--owner-name', ownerName, '--json', ...flags]);

/**
 * A handful of tenants as an operator would have them after a few weeks. `routedLater` runs before the
 * base domain is configured (as `cli` has it), so that tenant has no domain: the doctor's repairable
 * NO_PRIMARY_DOMAIN. Northwind uses all of its users: a warning. Two webhook subscriptions and two
 * service tokens fill the platform screen.
 */
export async function seedStore(routedLater: Cli, cli: Cli): Promise<void> {
  await create(routedLater, 'Vandelay Industries', 'art@vandelay.com', 'Art Vandelay', '--plan', 'basic');

  await create(cli, 'Acme Corp', 'dana@acme.com', 'Dana Whitfield', '--plan', 'professional', '--time-zone', 'America/Edmonton');
  await cli(['domain', 'add', 'acme-corp', 'dashboard.acme.com', '--json']);
  await addMember(cli, 'acme-corp', 'ana.lima@acme.com', 'Ana Lima', 'admin');
  await addMember(cli, 'acme-corp', 'raj.patel@acme.com', 'Raj Patel', 'analyst');
  await addMember(cli, 'acme-corp', 'mei.chen@acme.com', 'Mei Chen', 'viewer');
  await cli(['invite', 'send', 'acme-corp', 'sam.okafor@acme.com', '--role', 'analyst', '--json']);
  await cli(['key', 'create', 'acme-corp', '--name', 'Billing sync', '--scope', 'assets.read', '--json']);

  await create(cli, 'Globex', 'hank@globex.com', 'Hank Scorpio', '--plan', 'enterprise', '--trial-days', '14');
  await create(cli, 'Initech', 'bill@initech.com', 'Bill Lumbergh', '--plan', 'basic');
  await addMember(cli, 'initech', 'peter@initech.com', 'Peter Gibbons', 'analyst');
  await cli(['tenant', 'suspend', 'initech', '--reason', 'invoice 2026-11 unpaid', '--json']);
  await create(cli, 'Umbrella Health', 'alice@umbrella-health.com', 'Alice Abernathy', '--plan', 'professional', '--isolation', 'shared', '--trial-days', '30');
  await create(cli, 'Northwind Traders', 'nancy@northwind.com', 'Nancy Davolio', '--plan', 'basic', '--max-users', '2');
  await addMember(cli, 'northwind-traders', 'andrew@northwind.com', 'Andrew Fuller', 'admin');
  await create(cli, 'Stark Logistics', 'pepper@stark-logistics.com', 'Pepper Potts', '--plan', 'enterprise');
  await create(cli, 'Cyberdyne Systems', 'miles@cyberdyne.io', 'Miles Dyson', '--plan', 'enterprise', '--isolation', 'shared');
  await create(cli, 'Soylent Foods', 'sol@soylent.co', 'Sol Roth', '--plan', 'basic', '--trial-days', '7');
  await create(cli, 'Wonka Confections', 'charlie@wonka.com', 'Charlie Bucket', '--plan', 'professional');

  await cli(['webhook', 'add', 'https://billing.internal.example.com/hooks/tenantry', '--events', 'tenant.*', '--description', 'Billing', '--json']);
  await cli(['webhook', 'add', 'email:ops@example.com', '--events', 'health.*', '--description', 'On-call', '--json']);
  await cli(['token', 'create', '--name', 'Provisioning service', '--json']);
  await cli(['token', 'create', '--name', 'Support dashboard', '--expires-days', '30', '--json']);
}
