// Loaded by the fast path (fast-path.ts) too: nothing here may import a value from the SDK.
import leven, { closestMatch } from 'leven';
import { commandFlags, GLOBAL_FLAGS, JSON_FLAG, type CommandHelp, type FlagSpec } from './command.ts';

export interface Resolution<C extends CommandHelp = CommandHelp> {
  command?: C;
  /** The words that matched a command or a command group. */
  words: string[];
  rest: string[];
}

/** What a command line asks for, decided before any command code is loaded. */
export type Route<C extends CommandHelp> =
  | { kind: 'version' }
  | { kind: 'group-help'; words: string[] }
  | { kind: 'command-help'; command: C }
  | { kind: 'command'; command: C; rest: string[] }
  | { kind: 'unknown-command'; words: string[]; unknown: string; suggestion?: string }
  | { kind: 'unknown-flag'; words: string[]; flag: string; suggestion?: string };

const VERSION_WORDS = new Set(['--version', '-v', 'version']);
const HELP_FLAGS = new Set(['--help', '-h']);
const LEADING_FLAGS: readonly FlagSpec[] = [...GLOBAL_FLAGS, JSON_FLAG];

export function routeCommandLine<C extends CommandHelp>(commands: readonly C[], tokens: readonly string[]): Route<C> {
  const argv = hoistGlobalFlags(tokens);
  if (argv[0] !== undefined && VERSION_WORDS.has(argv[0])) return { kind: 'version' };
  const asksHelp = argv[0] === 'help';
  const resolution = resolveCommand(commands, asksHelp ? argv.slice(1) : argv);
  const { command, words, rest } = resolution;
  if (command) {
    if (asksHelp || rest.some((token) => HELP_FLAGS.has(token))) return { kind: 'command-help', command };
    return { kind: 'command', command, rest };
  }
  const stray = strayToken(rest);
  if (stray === undefined) return { kind: 'group-help', words };
  if (stray.startsWith('-')) {
    const suggestion = closest(
      stray.replace(/=.*$/, ''),
      LEADING_FLAGS.map((flag) => `--${flag.name}`),
    );
    return { kind: 'unknown-flag', words, flag: stray, ...(suggestion ? { suggestion } : {}) };
  }
  const suggestion = closest(stray, nextWords(commands, words));
  return { kind: 'unknown-command', words, unknown: stray, ...(suggestion ? { suggestion } : {}) };
}

/**
 * Global flags may come before the command (`tenantry --json tenant list`), as in gh and kubectl: they
 * move after the command's words, where the command's parser reads them.
 */
export function hoistGlobalFlags(tokens: readonly string[]): string[] {
  const leading: string[] = [];
  let index = 0;
  for (let flag = leadingFlag(tokens[index]); flag; flag = leadingFlag(tokens[index])) {
    const token = tokens[index++] ?? '';
    leading.push(token);
    if (flag.type !== 'boolean' && !token.includes('=') && index < tokens.length) leading.push(tokens[index++] ?? '');
  }
  if (leading.length === 0) return [...tokens];
  const rest = tokens.slice(index);
  const end = rest.indexOf('--');
  return end === -1 ? [...rest, ...leading] : [...rest.slice(0, end), ...leading, ...rest.slice(end)];
}

/** Finds the command named by the leading words of argv (longest match, aliases included). */
export function resolveCommand<C extends CommandHelp>(commands: readonly C[], argv: readonly string[]): Resolution<C> {
  const words: string[] = [];
  for (const token of argv) {
    if (token.startsWith('-')) break;
    words.push(token);
  }
  for (let length = words.length; length > 0; length--) {
    const candidate = words.slice(0, length);
    const command = commands.find((spec) => [spec.path, ...(spec.aliases ?? [])].some((path) => sameWords(path, candidate)));
    if (command) return { command, words: candidate, rest: withoutWords(argv, length) };
  }
  const groupWords = words.filter((_, index) => commands.some((spec) => sameWords(spec.path.slice(0, index + 1), words.slice(0, index + 1))));
  return { words: groupWords, rest: withoutWords(argv, groupWords.length) };
}

/** The closest of `candidates` to a mistyped word, when it is close enough to be what was meant. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const extending = candidates.filter((candidate) => candidate.startsWith(word));
  if (word.replace(/^-+/, '').length >= 2 && extending.length === 1) return extending[0];
  const match = closestMatch(word, candidates);
  const maxDistance = Math.max(1, Math.min(3, Math.ceil(word.length / 3)));
  return match !== undefined && leven(word, match) <= maxDistance ? match : undefined;
}

/** The flag names a command accepts, for suggesting one when a flag is mistyped. */
export function flagNames(command: CommandHelp): string[] {
  return commandFlags(command).map((flag) => `--${flag.name}`);
}

/** The words that may follow `words` (command-group children and aliases). */
function nextWords(commands: readonly CommandHelp[], words: readonly string[]): string[] {
  const next = new Set<string>();
  for (const command of commands) {
    if (command.hidden) continue;
    for (const path of [command.path, ...(command.aliases ?? [])]) {
      const word = path[words.length];
      if (word !== undefined && sameWords(path.slice(0, words.length), words)) next.add(word);
    }
  }
  if (words.length === 0) next.add('help').add('version');
  return [...next];
}

/** At a command group, the first token that is neither a global flag (with its value) nor help. */
function strayToken(rest: readonly string[]): string | undefined {
  for (let index = 0; index < rest.length; index++) {
    const token = rest[index] ?? '';
    if (HELP_FLAGS.has(token)) continue;
    const flag = leadingFlag(token);
    if (!flag) return token;
    if (flag.type !== 'boolean' && !token.includes('=')) index++;
  }
  return undefined;
}

function leadingFlag(token: string | undefined): FlagSpec | undefined {
  if (token === undefined || !token.startsWith('--')) return token === '-h' ? LEADING_FLAGS.find((flag) => flag.name === 'help') : undefined;
  const name = token.slice(2).replace(/=.*$/, '');
  return LEADING_FLAGS.find((flag) => flag.name === name);
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, index) => word === b[index]);
}

function withoutWords(argv: readonly string[], count: number): string[] {
  let removed = 0;
  return argv.filter((token) => {
    if (removed < count && !token.startsWith('-')) {
      removed++;
      return false;
    }
    return true;
  });
}
