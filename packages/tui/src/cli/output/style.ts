export interface Style {
  enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const wrap = (enabled: boolean, open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);

export function createStyle(enabled: boolean): Style {
  return {
    enabled,
    bold: wrap(enabled, 1, 22),
    dim: wrap(enabled, 2, 22),
    green: wrap(enabled, 32, 39),
    red: wrap(enabled, 31, 39),
    yellow: wrap(enabled, 33, 39),
    cyan: wrap(enabled, 36, 39),
  };
}

/** Colour only on a terminal, never with NO_COLOR (any value) or --no-color. */
export function colorEnabled(isTTY: boolean | undefined, env: Record<string, string | undefined>, noColorFlag: boolean): boolean {
  if (noColorFlag || env.NO_COLOR !== undefined || env.TERM === 'dumb') return false;
  return Boolean(isTTY);
}
