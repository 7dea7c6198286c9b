import * as prompts from '@clack/prompts';
import { TenantryError, type TenantryClient } from '@tenantry/sdk';
import type { ArgSpec, IO } from '../cli/command.ts';

/** Tenants offered to pick from; past this many the slug is typed (and checked when the command runs). */
const TENANTS_OFFERED = 1_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface AskContext {
  io: Pick<IO, 'stdin' | 'stdout'>;
  client: () => Promise<TenantryClient>;
}

/**
 * On a terminal, asks for each required argument the command line left out, one prompt each and checked
 * as typed: a tenant picked from the tenants, a value from the argument's choices, a secret without echo.
 * Esc or Ctrl-C cancels with nothing written.
 */
export async function askMissingArguments(missing: readonly ArgSpec[], ctx: AskContext): Promise<Record<string, string>> {
  const answers: Record<string, string> = {};
  for (const spec of missing) answers[spec.name] = await ask(spec, ctx);
  return answers;
}

async function ask(spec: ArgSpec, ctx: AskContext): Promise<string> {
  const streams = { input: ctx.io.stdin, output: ctx.io.stdout };
  const message = `${spec.name}: ${spec.description}`;
  if (spec.choices) return answered(await prompts.select({ ...streams, message, options: spec.choices.map((value) => ({ value, label: value })) }));
  if (spec.secret) return answered(await prompts.password({ ...streams, message, validate: required }));
  if ((spec.field ?? spec.name) === 'slug') {
    const tenants = await (await ctx.client()).tenants.list({ limit: TENANTS_OFFERED });
    if (tenants.items.length > 0 && tenants.total <= TENANTS_OFFERED) {
      const options = tenants.items.map((tenant) => ({ value: tenant.slug, label: tenant.slug, hint: tenant.name }));
      return answered(await prompts.autocomplete({ ...streams, message: `${message} (type to filter)`, options }));
    }
  }
  const email = /email/i.test(spec.field ?? spec.name);
  return answered(
    await prompts.text({
      ...streams,
      message,
      validate: (value) => required(value) ?? (email && !EMAIL.test(value ?? '') ? 'must be an email address' : undefined),
    }),
  );
}

function required(value: string | undefined): string | undefined {
  return (value ?? '').trim() === '' ? 'is required' : undefined;
}

function answered(value: string | symbol): string {
  if (typeof value === 'symbol') throw new TenantryError('CANCELLED', { message: 'Cancelled: nothing was written.' });
  return value.trim();
}
