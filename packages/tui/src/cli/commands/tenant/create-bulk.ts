import type { BulkReportDto, BulkRowReportDto, ErrorKind } from '@tenantry/sdk';
import { plural } from '../../../text/plural.ts';
import { renderStop, stopError } from './bulk-stopped.ts';
import { readAll } from './read-all.ts';
import { DRY_RUN_FLAG, QUIET_FLAG, defineCommand, requiredArg, type CommandContext, type CommandVerdict, type ParsedArguments } from '../../command.ts';
import { createJsonLinesFile, type JsonLinesFile } from '../../output/jsonl-file.ts';
import { createProgress, type Progress } from '../../output/progress.ts';
import { renderTable } from '../../output/table.ts';

export const tenantCreateBulk = defineCommand({
  path: ['tenant', 'create-bulk'],
  summary: 'Provisions many tenants from a CSV or JSON file, each in its own transaction, with a report per row.',
  description:
    'CSV: a header with one column per `tenant create` flag (owner-email or owner_email or ownerEmail), one tenant per\n' +
    'record; quotes, BOM and CRLF are fine; features as "sso;analytics". JSON: an array in the runbook format\n' +
    '{ tenant, users: [{ email, role }], features, settings }: the owner-role user owns the tenant, the other users are invited.\n' +
    'Every row is checked before anything is written; then each tenant is its own transaction, so a bad row never blocks\n' +
    'the others. Rows already provisioned identically are "unchanged": re-running the file after a crash creates exactly\n' +
    'what is missing. New owners get one-time passwords, shown once in the report (or none with --owner-passwords none);\n' +
    'the invitations a run sends are listed after the table with their tokens, shown once (in --json and --report too).\n' +
    "With --report FILE each row's result (one-time password and invitation tokens included) is written to FILE as it happens, one JSON line\n" +
    'per row, flushed to disk, mode 0600: a run that is killed or loses its database loses no password. The first outage\n' +
    'stops the run (exit 10, saying how far it got); rows not started are done by running the file again. An owner\n' +
    'reported unchanged with awaitingFirstSignIn never replaced a one-time password: if it was lost, issue a new one with\n' +
    '`tenantry user reset-password EMAIL`.\n' +
    "Exit 8 when some rows failed (the others were created); when no row succeeded, the failures' exit code (3 for invalid rows).",
  args: [{ name: 'file', description: 'The CSV or JSON file; - reads stdin.', field: 'file' }],
  flags: [
    { name: 'concurrency', type: 'integer', field: 'concurrency', description: 'Tenants provisioned at once (1-64). Default: 8 on a server, 1 embedded.' },
    {
      name: 'owner-passwords',
      type: 'string',
      placeholder: 'MODE',
      field: 'ownerPasswords',
      choices: ['generate', 'none'],
      description: 'New owners: a one-time password each (generate, default), or none (they sign in through SSO or a password reset).',
    },
    { name: 'strict', type: 'boolean', field: 'strict', description: 'Write nothing at all if any row is invalid.' },
    {
      name: 'format',
      type: 'string',
      placeholder: 'FORMAT',
      field: 'format',
      choices: ['csv', 'json'],
      description: 'The file format. Default: from the file name, else the first character.',
    },
    {
      name: 'report',
      type: 'string',
      placeholder: 'FILE',
      field: 'report',
      description: "Also write each row's result to FILE as it happens (JSON Lines, mode 0600; refuses an existing file).",
    },
    DRY_RUN_FLAG,
    QUIET_FLAG,
  ],
  json: true,
  examples: [
    { description: 'Check a file: every row’s plan or errors, nothing written', command: 'tenantry tenant create-bulk tenants.csv --dry-run' },
    {
      description: "Provision it, 8 at a time, each row's result (and one-time password) kept as it happens",
      command: 'tenantry tenant create-bulk tenants.csv --concurrency 8 --report tenants.report.jsonl',
    },
    { description: 'The report as JSON (it holds the one-time passwords)', command: 'tenantry tenant create-bulk tenants.csv --json > report.json' },
    {
      description: 'The runbook JSON format, owners invited to set their own password later',
      command: 'tenantry tenant create-bulk tenant_configs.json --owner-passwords none',
    },
  ],
  async run(ctx, input) {
    const file = requiredArg(input, 'file');
    const { flags } = input;
    const reportFile: JsonLinesFile | undefined = typeof flags.report === 'string' ? createJsonLinesFile(flags.report, 'report') : undefined;
    try {
      return await provision(ctx, file, flags, reportFile);
    } finally {
      reportFile?.close();
    }
  },
});

async function provision(
  ctx: CommandContext,
  file: string,
  flags: ParsedArguments['flags'],
  reportFile: JsonLinesFile | undefined,
): Promise<CommandVerdict | undefined> {
  const client = await ctx.client();
  let progress: Progress | undefined;
  const report = await client.tenants.provisionBulk(file === '-' ? { text: await readAll(ctx.io.stdin) } : { file }, {
    dryRun: flags['dry-run'] === true,
    strict: flags.strict === true,
    ...(typeof flags.concurrency === 'number' ? { concurrency: flags.concurrency } : {}),
    ...(flags['owner-passwords'] === 'none' || flags['owner-passwords'] === 'generate' ? { ownerPasswords: flags['owner-passwords'] } : {}),
    ...(flags.format === 'csv' || flags.format === 'json' ? { format: flags.format } : {}),
    onRow: (row, _done, total) => {
      reportFile?.write({ type: 'row', ...row });
      progress ??= createProgress({ stream: ctx.io.stderr, total, noun: 'rows', style: ctx.style, quiet: flags.quiet === true });
      progress.item(rowLine(row), row.outcome === 'failed');
    },
  });
  progress?.done();
  reportFile?.write({ type: 'summary', dryRun: report.dryRun, summary: report.summary, ...(report.stopped ? { stopped: stopError(report.stopped) } : {}) });
  if (report.stopped) {
    // The outage is the error; the rows done so far (their one-time passwords) are printed beside it.
    if (ctx.json) ctx.outJson({ error: stopError(report.stopped), report });
    else {
      render(ctx, report);
      renderStop(ctx, report.stopped);
    }
    return { exitKind: 'unavailable' };
  }
  if (ctx.json) ctx.outJson(report);
  else render(ctx, report);
  const exitKind = bulkExitKind(report);
  return exitKind ? { exitKind } : undefined;
}

/**
 * Exit 8 means some rows failed and the others succeeded. When nothing succeeded (every row invalid,
 * or --strict refused the file) the failures' own kind is the exit code (3 for invalid rows).
 */
export function bulkExitKind(report: BulkReportDto): ErrorKind | undefined {
  const { summary } = report;
  if (summary.failed === 0) return undefined;
  if (summary.created + summary.unchanged + summary.planned > 0) return 'partial_failure';
  const kinds = new Set(report.rows.flatMap((row) => (row.error ? [row.error.kind] : [])));
  const [only] = kinds;
  return kinds.size === 1 && only ? only : 'partial_failure';
}

const OUTCOME_MARKS: Partial<Record<BulkRowReportDto['outcome'], string>> = { failed: '✗ ', created: '✓ ' };

function rowLine(row: BulkRowReportDto): string {
  const what = `${row.outcome} row ${row.row}${row.line ? ` (line ${row.line})` : ''} ${row.slug ?? '?'}`;
  if (row.error) return `${what}: ${row.error.code} ${row.error.message}`;
  return `${what}${row.isolation ? ` (${row.isolation})` : ''} ${row.durationMs} ms`;
}

function render(ctx: CommandContext, report: BulkReportDto): void {
  const { summary } = report;
  const columns = [
    { header: 'row', value: (row: BulkRowReportDto) => String(row.row), align: 'right' as const },
    { header: 'slug', value: (row: BulkRowReportDto) => row.slug ?? '' },
    { header: 'outcome', value: (row: BulkRowReportDto, terminal: boolean) => (terminal ? (OUTCOME_MARKS[row.outcome] ?? '') : '') + row.outcome },
    { header: 'owner', value: (row: BulkRowReportDto) => row.owner?.email ?? '' },
    { header: 'password', value: (row: BulkRowReportDto) => row.owner?.oneTimePassword ?? '' },
    { header: 'detail', value: (row: BulkRowReportDto) => (row.error ? `${row.error.code}: ${row.error.message}` : invitations(row)), shrink: true },
  ];
  ctx.io.stdout.write(renderTable(ctx.io, columns, report.rows));
  const verb = report.dryRun ? `${summary.planned} planned` : `${summary.created} created`;
  const mark = summary.failed > 0 ? ctx.style.red('✗') : ctx.style.green('✓');
  // The table is the data on stdout; the summary and notes are prose, on stderr.
  ctx.info(
    `${mark} ${plural(summary.rows, 'row')}: ${verb}, ${summary.unchanged} unchanged, ${summary.failed} failed${summary.skipped ? `, ${summary.skipped} skipped (--strict)` : ''}, ${plural(summary.invitationsSent, 'invitation')} sent (${(report.elapsedMs / 1000).toFixed(1)} s).`,
  );
  if (report.rows.some((row) => row.owner?.oneTimePassword))
    ctx.info(ctx.style.yellow('One-time passwords are shown once: store them now; owners must change them at first login.'));
  const tokens = invitationTokens(report);
  if (tokens.length > 0) {
    // A second table, after a blank line: --json carries the same tokens in rows[].invitations[].token.
    ctx.io.stdout.write(`\n${renderTable(ctx.io, TOKEN_COLUMNS, tokens)}`);
    ctx.info(
      ctx.style.yellow('Invitation tokens are shown once: hand each to its invitee (tenantry invite accept TOKEN), or send a new one with invite resend.'),
    );
  }
  const awaiting = report.rows.filter((row) => row.outcome === 'unchanged' && row.owner?.awaitingFirstSignIn).map((row) => row.owner?.email);
  if (awaiting.length > 0) {
    ctx.info(
      `${plural(awaiting.length, 'owner')} of unchanged tenants have not replaced their one-time password yet (${awaiting.slice(0, 5).join(', ')}${awaiting.length > 5 ? ', …' : ''}).`,
    );
    ctx.info(ctx.style.dim('If an interrupted run never showed it, issue a new one: tenantry user reset-password EMAIL'));
  }
  if (report.dryRun) ctx.info(ctx.style.dim('Dry run: nothing was written. Run again without --dry-run to apply.'));
}

interface SentToken {
  slug: string;
  email: string;
  role: string;
  token: string;
}

const TOKEN_COLUMNS = [
  { header: 'tenant', value: (sent: SentToken) => sent.slug },
  { header: 'invited', value: (sent: SentToken) => sent.email },
  { header: 'role', value: (sent: SentToken) => sent.role },
  { header: 'invitation token', value: (sent: SentToken) => sent.token },
];

/** The tokens of the invitations this run sent: the invitees cannot accept without them. */
function invitationTokens(report: BulkReportDto): SentToken[] {
  return report.rows.flatMap((row) =>
    (row.invitations ?? []).flatMap((invitation) =>
      invitation.token ? [{ slug: row.slug ?? '?', email: invitation.email, role: invitation.role ?? '(none)', token: invitation.token }] : [],
    ),
  );
}

function invitations(row: BulkRowReportDto): string {
  const list = row.invitations ?? [];
  if (list.length === 0) return '';
  const sent = list.filter((invitation) => invitation.outcome === 'sent').length;
  const failed = list.filter((invitation) => invitation.outcome === 'failed');
  return `invited ${sent} of ${list.length}${failed.length ? `; failed: ${failed.map((i) => `${i.email} ${i.code}`).join(', ')}` : ''}`;
}
