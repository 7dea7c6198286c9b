import { WEBHOOK_KINDS, type AddWebhookInput } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';
import { fields } from '../../output/format.ts';
import { readAll } from '../tenant/read-all.ts';

const SHOWN_ONCE = 'shown once: the receiver verifies signatures with it; Tenantry keeps it sealed';

export const webhookAdd = defineCommand({
  path: ['webhook', 'add'],
  summary: 'Subscribes a URL, a Slack incoming webhook or an email address to lifecycle events.',
  description:
    'From the next event on, each event of the types given is delivered: a POST signed as Standard Webhooks specify (webhook-id,\n' +
    'webhook-timestamp, webhook-signature), a Slack message for https://hooks.slack.com/ URLs, or an email for email:ADDRESS.\n' +
    'At least once, in order per tenant, retried with backoff for about a day; docs/webhooks.md explains verifying and retries.\n' +
    'Deliveries go out while `tenantry serve` or `tenantry events deliver --follow` runs. Platform operator only.',
  args: [{ name: 'url', description: 'https://…, http://…, or email:ADDRESS.', field: 'url' }],
  flags: [
    {
      name: 'events',
      type: 'string',
      placeholder: 'TYPES',
      field: 'events',
      description: "Event types and globs, comma-separated: 'tenant.*,invitation.*', '*' for all (required).",
    },
    { name: 'tenant', type: 'string', placeholder: 'SLUG', field: 'tenant', description: "Only this tenant's events." },
    {
      name: 'secret',
      type: 'string',
      placeholder: 'WHSEC',
      field: 'secret',
      description: 'Sign with this whsec_… secret instead of a new one (prefer --secret-stdin).',
    },
    {
      name: 'secret-stdin',
      type: 'boolean',
      field: 'secret',
      description: 'Read the secret to sign with from the first line of stdin (an argument lands in shell history).',
    },
    {
      name: 'kind',
      type: 'string',
      placeholder: 'KIND',
      choices: WEBHOOK_KINDS,
      field: 'kind',
      description: 'webhook, slack or email (default: from the URL).',
    },
    { name: 'description', type: 'string', placeholder: 'TEXT', field: 'description', description: 'What the subscription is for.' },
    ...CHANGE_FLAGS,
  ],
  json: true,
  examples: [
    {
      description: 'Tell the billing service about tenants and invitations',
      command: "tenantry webhook add https://billing.example.com/hooks/tenantry --events 'tenant.*,invitation.*'",
    },
    { description: 'Health findings to Slack', command: "tenantry webhook add https://hooks.slack.com/services/T0/B0/XXXX --events 'health.*'" },
    { description: 'Deletions by email', command: "tenantry webhook add email:admin@client.com --events 'tenant.deleted,tenant.purged'" },
    {
      description: 'Sign with a secret the receiver already has',
      command: 'printf %s "$WHSEC" | tenantry webhook add https://crm.example.com/hooks --events \'*\' --secret-stdin',
    },
  ],
  async run(ctx, input) {
    const { flags } = input;
    const text = (name: string) => (typeof flags[name] === 'string' ? { [name]: flags[name] } : {});
    const fromStdin = flags['secret-stdin'] === true ? { secret: (await readAll(ctx.io.stdin)).split(/\r?\n/)[0] ?? '' } : {};
    const result = await (
      await ctx.client()
    ).webhooks.add(
      // Validation (a missing --events too) is the SDK's.
      {
        url: requiredArg(input, 'url'),
        ...text('events'),
        ...text('tenant'),
        ...text('secret'),
        ...fromStdin,
        ...text('kind'),
        ...text('description'),
      } as AddWebhookInput,
      changeOptions(flags),
    );
    const { secret } = result.webhook;
    if (ctx.json) {
      if (secret) ctx.info(`The secret in .webhook.secret is ${SHOWN_ONCE}.`);
      return ctx.outJson(result);
    }
    renderChange(ctx, result, {
      applied: `Subscribed ${result.webhook.target} to ${result.webhook.events} (id ${result.webhook.id})`,
      unchanged: 'Nothing to change.',
    });
    if (result.result !== 'applied') return;
    ctx.out(
      fields([
        ...(secret ? [['Secret', `${ctx.style.bold(secret)}  ${ctx.style.yellow(`(${SHOWN_ONCE})`)}`] as const] : []),
        ['Delivered by', 'tenantry serve, or tenantry events deliver --follow'],
        ['Try it', `tenantry webhook test ${result.webhook.id}`],
      ]),
    );
  },
});
