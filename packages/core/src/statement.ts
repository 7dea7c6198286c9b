import { quoteLiteral } from './isolation/names.ts';

/** A parameter a plan names but does not show (a password hash): bound when the plan is applied. */
export interface SecretParam {
  secret: string;
}

export type StatementParam = string | number | boolean | bigint | null | Date | SecretParam | Record<string, unknown> | readonly unknown[];

/**
 * One SQL statement as a plan holds it and the database receives it: PostgreSQL text with `$1`-style
 * placeholders, and its parameters. Display renders it (`renderStatement`); applying runs it as it is.
 */
export interface Statement {
  text: string;
  params: readonly StatementParam[];
}

export function statement(text: string, params: readonly StatementParam[] = []): Statement {
  return { text, params };
}

export function isSecretParam(value: unknown): value is SecretParam {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    Object.keys(value).length === 1 &&
    typeof (value as { secret?: unknown }).secret === 'string'
  );
}

/** The statement with its secret parameters given their values (the ones `secrets` names). */
export function bindSecrets(statement: Statement, secrets: Readonly<Record<string, unknown>>): Statement {
  if (!statement.params.some(isSecretParam)) return statement;
  return {
    text: statement.text,
    params: statement.params.map((param) => (isSecretParam(param) && param.secret in secrets ? (secrets[param.secret] as StatementParam) : param)),
  };
}

/**
 * The statement as one SQL text, parameters written as literals: what a plan shows, and what a script
 * that cannot take parameters (a DO block) runs. An unbound secret shows as `<name>`; `executable`
 * refuses one instead.
 */
export function renderStatement(statement: Statement, options: { executable?: boolean } = {}): string {
  if (statement.params.length === 0) return statement.text;
  return statement.text.replace(/\$(\d+)\b/g, (placeholder, index: string) => {
    const position = Number(index) - 1;
    if (position < 0 || position >= statement.params.length) return placeholder;
    return literalOf(statement.params[position] as StatementParam, options.executable === true);
  });
}

function literalOf(value: StatementParam, executable: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return quoteLiteral(value);
  if (value instanceof Date) return quoteLiteral(value.toISOString());
  if (isSecretParam(value)) {
    if (executable) throw new Error(`the secret parameter ${value.secret} was not bound`);
    return `<${value.secret}>`;
  }
  return quoteLiteral(JSON.stringify(value));
}
