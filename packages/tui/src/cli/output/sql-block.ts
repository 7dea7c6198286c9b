/**
 * A plan step's SQL under its step: every line after `prefix`, keeping the statement's own indentation
 * relative to its least indented continuation line (SQL written in template literals carries the source's
 * indentation, so `create table` columns would otherwise sit far right, or flush left when trimmed).
 */
export function sqlBlock(sql: string, prefix: string): string {
  const [first = '', ...rest] = sql.replace(/\s+$/, '').split('\n');
  const margins = rest.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length);
  const margin = margins.length > 0 ? Math.min(...margins) : 0;
  return [first.trim(), ...rest.map((line) => line.slice(Math.min(margin, line.length - line.trimStart().length)).trimEnd())]
    .map((line) => (line === '' ? '' : prefix + line))
    .join('\n');
}
