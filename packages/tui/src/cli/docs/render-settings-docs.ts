import { CUSTOM_NAME_RULE, CUSTOM_SETTINGS_MAX, CUSTOM_VALUE_MAX_BYTES, MONITORED, SETTING_KEYS, type SettingTarget } from '@tenantry/sdk';

/** What each typed setting takes, and where it is kept. */
const TYPED: Record<SettingTarget, string> = {
  timeZone: 'an IANA time zone (UTC, Europe/Paris); cannot be cleared. A column of the tenant',
  contactEmail: 'an email address; empty clears it. A column of the tenant',
  supportEmail: 'an email address; empty clears it. A column of the tenant',
  supportPhone: 'a phone number (+1 555 123 4567); empty clears it. A column of the tenant',
  theme: 'a theme name: lower-case letters, digits and hyphens (corporate, dark); empty clears it. `settings.theme`',
  'notifications.email': 'on or off (true/false, yes/no, 1/0). `settings.notifications.email`',
  'notifications.inApp': 'on or off. `settings.notifications.inApp`',
};

const spellingsOf = (target: SettingTarget) =>
  Object.entries(SETTING_KEYS)
    .filter(([, named]) => named === target)
    .map(([key]) => `\`${key}\``)
    .join(', ');

/** docs/settings.md: the one spelling rule, the typed settings, custom settings and their bounds. */
export function renderSettingsDocs(): string {
  return [
    '# Settings',
    '',
    '<!-- Generated from the settings keys by `pnpm docs:generate`; do not edit by hand. -->',
    '',
    'A tenant has typed settings, each validated, and custom settings of its own. `tenant set SLUG KEY=VALUE ...`',
    'changes both (a diff first with `--dry-run`, audited as `tenant.settings_changed`), as do the console (`e` on',
    "a tenant), the SDK's `tenants.updateSettings`, `PATCH /v1/tenants/{slug}/settings` and, at provisioning, a",
    "bulk file's `settings`. `tenant view` shows the custom settings; `--json` has them under `settings.custom`.",
    '',
    '## One spelling',
    '',
    'Every setting has one name, and every path stores and shows it by that name:',
    '',
    '* A typed setting is named in camelCase, as the diff, `--json`, the SDK and HTTP show it (`supportEmail`,',
    '  `notifications.inApp`). `tenant set`, the console and bulk files also take any spelling of it that differs',
    '  only in case, hyphens or underscores (`support-email`, `SUPPORT_EMAIL`, `notifications.in_app`) and turn it',
    '  into that name; the SDK and HTTP take the name only, as their types say.',
    `* Any other setting is custom: \`custom.<name>\`, the name ${CUSTOM_NAME_RULE}`,
    '  (`custom.language`, `custom.billing.region`), spelt exactly: `custom.Language` is refused, naming',
    '  `custom.language` as the name to use.',
    '',
    '## Typed settings',
    '',
    '| name | also written | takes |',
    '| --- | --- | --- |',
    ...(Object.keys(TYPED) as SettingTarget[]).map((target) => `| \`${target}\` | ${spellingsOf(target) || '-'} | ${TYPED[target]} |`),
    `| \`monitoring.<resource>\` | - | set by \`tenant monitor\` (resources: ${MONITORED.join(', ')}); see [plans.md](plans.md) |`,
    '',
    '## Custom settings',
    '',
    '```sh',
    `tenantry tenant set acme-corp custom.language=fr custom.limits='{"a":1}'`,
    'tenantry tenant set acme-corp custom.language=      # unsets it',
    '```',
    '',
    '* On the command line the value is stored as JSON when it is valid JSON (`42`, `true`, `{"a":1}`, `"quoted"`)',
    '  and as the text otherwise (`fr`); quote a number to keep it text (`custom.zip=\'"01234"\'`). An empty value,',
    '  or `null`, unsets the setting. The SDK takes `custom: { language: "fr", limits: { a: 1 }, old: null }`:',
    '  a value sets one, null unsets it, names left out stay.',
    `* A tenant holds at most ${CUSTOM_SETTINGS_MAX} custom settings, each at most ${CUSTOM_VALUE_MAX_BYTES} bytes of JSON; past`,
    '  either, the change is refused naming the setting (`custom.notes`) or `custom`, and nothing is written.',
    '* The diff has one line per custom setting, its value compared whole: `settings.custom.limits (none) → {"a":1}`.',
    '',
    '## Bulk files',
    '',
    "A row's `settings` (JSON bulk files) holds the typed settings of the settings document (`theme`,",
    '`notifications`, `monitoring`), validated as `tenant set` validates them, and custom settings under `custom`',
    '(`"custom": { "language": "fr" }`, or a dotted `"custom.language": "fr"`). Other spellings of typed keys take',
    "their name (the seeds' `notifications.in_app` is `notifications.inApp`). A key that is neither typed nor under",
    '`custom` fails the row naming it (`settings.language`) and what is allowed, and so does a setting given in two',
    'spellings (`in_app` beside `inApp`).',
    '',
    '## Settings stored before',
    '',
    'Control-plane migration `0014_settings_namespace` (`tenantry db migrate`) puts settings that bulk files once',
    'stored raw in the one spelling. A typed setting in another spelling takes its name; when both spellings are',
    'stored, the one already so named (what `tenant set` wrote, the newer) wins and the other is dropped. A typed',
    'setting whose value is refused, and every other key, moves under `custom` so nothing is lost (`language` →',
    '`custom.language`, `notifications.sms` → `custom.notifications.sms`), its name made a custom name',
    '(`supportTier` → `support_tier`; a name taken already gets `_2`).',
    '',
  ].join('\n');
}
