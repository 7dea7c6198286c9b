import { defineCommand, requiredArg } from '../../command.ts';

export const slugCheck = defineCommand({
  path: ['slug', 'check'],
  summary: 'Tells whether a slug is free, and why not when it is not.',
  description: 'Exits 0 when the slug is free, 6 when a tenant has it, 3 when it breaks the slug rules.',
  args: [{ name: 'slug', description: 'The slug to check.' }],
  json: true,
  examples: [
    { description: 'Check before provisioning', command: 'tenantry slug check acme-corp' },
    { description: 'In a script', command: 'tenantry slug check acme-corp >/dev/null && tenantry tenant create --slug acme-corp ...' },
  ],
  async run(ctx, input) {
    const client = await ctx.client();
    const check = await client.tenants.checkSlug(requiredArg(input, 'slug'));
    if (ctx.json) ctx.outJson(check);
    else if (check.available) ctx.out(`${ctx.style.green('✓')} ${check.slug} is available`);
    else ctx.out(`${ctx.style.red('✗')} ${check.slug} is not available: ${check.reason ?? 'taken'}`);
    if (check.available) return undefined;
    return { exitKind: check.reason?.startsWith('invalid') ? 'invalid_input' : 'conflict' };
  },
});
