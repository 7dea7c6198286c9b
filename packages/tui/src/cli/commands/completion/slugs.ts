import { defineCommand } from '../../command.ts';
import { withProfile } from '../../config/profile-env.ts';

/** For the completion scripts: the tenants' slugs, one a line; nothing on the embedded store (too slow to open at each Tab). */
export const completionSlugs = defineCommand({
  path: ['completion', 'slugs'],
  summary: 'Prints the slugs of the tenants, one a line, for shell completion.',
  hidden: true,
  examples: [{ description: 'The slugs', command: 'tenantry completion slugs' }],
  async run(ctx, { flags }) {
    const env = withProfile(ctx.io.env, flags.profile);
    if (!env.TENANTRY_DATABASE_URL && typeof flags['database-url'] !== 'string') return;
    const client = await ctx.client();
    const page = await client.tenants.list({ limit: 10_000 });
    ctx.io.stdout.write(page.items.map((tenant) => `${tenant.slug}\n`).join(''));
  },
});
