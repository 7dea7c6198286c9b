import { ERROR_CODES, type ErrorCode } from '@tenantry/sdk';
import { EXIT_CODES } from '../exit-codes.ts';

/** docs/errors.md: every error code with its kind and exit code, from the catalog in core. */
export function renderErrorDocs(): string {
  const rows = (Object.keys(ERROR_CODES) as ErrorCode[]).map((code) => {
    const { kind, description } = ERROR_CODES[code];
    return `| \`${code}\` | ${kind} | ${EXIT_CODES[kind]} | ${description} |`;
  });
  return [
    '# Error codes',
    '',
    '<!-- Generated from the error catalog by `pnpm docs:generate`; do not edit by hand. -->',
    '',
    'Every failure is a `TenantryError` with a stable `code` (never renamed), a `kind` derived from it, `details`',
    '(JSON-safe; `details.issues[{path, message}]` for invalid input) and a `hint`. Programs branch on `code`; the CLI',
    'exits with the code of the kind and, with `--json`, prints `{"error":{code,kind,message,details,hint}}` on stdout.',
    '',
    '| code | kind | exit | meaning |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
