// Loaded by the fast path (fast-path.ts) too: nothing here may import a value from the SDK.
import { commandFlags, GLOBAL_FLAGS, type CommandHelp, type FlagSpec } from './command.ts';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Arguments completed with the tenants' slugs (`tenantry completion slugs`). */
const SLUG_ARGS = new Set(['slug']);

interface Tree {
  /** Every command path and group prefix, joined with spaces ("" is the top). */
  nodes: string[];
  /** The words that may follow each node, with a one-line description. */
  children: Map<string, [string, string][]>;
  /** The flags of each command path. */
  flags: Map<string, FlagSpec[]>;
  /** Command paths whose first argument is a tenant slug. */
  slugCommands: string[];
  /** Flags that take a value (the next word is not a command word). */
  valued: string[];
}

function commandTree(commands: readonly CommandHelp[]): Tree {
  const children = new Map<string, [string, string][]>([['', []]]);
  const flags = new Map<string, FlagSpec[]>();
  const slugCommands: string[] = [];
  const add = (node: string, word: string, summary: string) => {
    const list = children.get(node) ?? [];
    if (!list.some(([existing]) => existing === word)) list.push([word, summary]);
    children.set(node, list);
  };
  for (const command of commands.filter((spec) => !spec.hidden)) {
    for (const path of [command.path, ...(command.aliases ?? [])]) {
      path.forEach((word, index) => {
        const last = index === path.length - 1;
        add(path.slice(0, index).join(' '), word, last ? command.summary : `${word} commands`);
      });
      flags.set(path.join(' '), commandFlags(command));
      if (command.args?.[0] && SLUG_ARGS.has(command.args[0].name)) slugCommands.push(path.join(' '));
    }
  }
  add('', 'help', 'Shows help for a command.');
  const valued = new Set<string>();
  for (const list of flags.values()) for (const flag of list) if (flag.type !== 'boolean') valued.add(`--${flag.name}`);
  return {
    nodes: [...children.keys(), ...flags.keys()].filter((node, index, all) => all.indexOf(node) === index),
    children,
    flags,
    slugCommands,
    valued: [...valued],
  };
}

/** The completion script for `shell`, generated from the command specs. */
export function completionScript(shell: Shell, commands: readonly CommandHelp[]): string {
  const tree = commandTree(commands);
  switch (shell) {
    case 'bash':
      return bashScript(tree);
    case 'zsh':
      return zshScript(tree);
    case 'fish':
      return fishScript(tree);
  }
}

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** The shell function (bash and zsh share it) that finds the command path typed so far. */
function pathFunction(tree: Tree): string[] {
  return [
    '_tenantry_path() {',
    `  local nodes=${quote(`|${tree.nodes.join('|')}|`)} valued=${quote(` ${tree.valued.join(' ')} `)}`,
    '  local key="" word skip="" next',
    '  _tenantry_positionals=0',
    '  for word in "$@"; do',
    '    if [ -n "$skip" ]; then skip=""; continue; fi',
    '    case "$word" in',
    '      --*=*) continue ;;',
    '      -*) case "$valued" in *" $word "*) skip=1 ;; esac; continue ;;',
    '    esac',
    '    next="${key:+$key }$word"',
    '    case "$nodes" in',
    '      *"|$next|"*) key="$next" ;;',
    '      *) _tenantry_positionals=$((_tenantry_positionals + 1)) ;;',
    '    esac',
    '  done',
    '  _tenantry_key="$key"',
    '}',
  ];
}

/** `case` arms: the words completing each node (children, flags, flag choices). */
function candidateArms(tree: Tree): string[] {
  return tree.nodes.map((node) => {
    const words = [
      ...(tree.children.get(node) ?? []).map(([word]) => word),
      ...(tree.flags.get(node) ?? (node === '' ? GLOBAL_FLAGS : [])).map((flag) => `--${flag.name}`),
    ];
    return `    ${quote(node)}) _tenantry_words=${quote(words.join(' '))} ;;`;
  });
}

function choiceArms(tree: Tree): string[] {
  const arms = new Map<string, string>();
  for (const list of tree.flags.values()) for (const flag of list) if (flag.choices) arms.set(`--${flag.name}`, flag.choices.join(' '));
  return [...arms].map(([flag, choices]) => `    ${flag}) _tenantry_words=${quote(choices)}; return ;;`);
}

function candidatesFunction(tree: Tree): string[] {
  return [
    '# _tenantry_candidates PREVIOUS CURRENT WORDS...: sets _tenantry_words to what may come next.',
    '_tenantry_candidates() {',
    '  local prev="$1" current="$2"',
    '  shift 2',
    '  _tenantry_words=""',
    '  case "$prev" in',
    ...choiceArms(tree),
    '  esac',
    '  _tenantry_path "$@"',
    '  case "$_tenantry_key" in',
    ...candidateArms(tree),
    '  esac',
    '  case "$current" in -*) return ;; esac',
    `  case "|${tree.slugCommands.join('|')}|" in`,
    '    *"|$_tenantry_key|"*) [ "$_tenantry_positionals" = 0 ] && _tenantry_words="$(tenantry completion slugs 2>/dev/null)" ;;',
    '  esac',
    '}',
  ];
}

function bashScript(tree: Tree): string {
  return [
    '# tenantry completion for bash. Load it with: source <(tenantry completion bash)',
    ...pathFunction(tree),
    ...candidatesFunction(tree),
    '_tenantry() {',
    '  local cur="${COMP_WORDS[COMP_CWORD]}"',
    '  _tenantry_candidates "${COMP_WORDS[COMP_CWORD-1]}" "$cur" "${COMP_WORDS[@]:1:COMP_CWORD-1}"',
    '  COMPREPLY=($(compgen -W "$_tenantry_words" -- "$cur"))',
    '}',
    'complete -o default -F _tenantry tenantry',
    '',
  ].join('\n');
}

function zshScript(tree: Tree): string {
  return [
    '#compdef tenantry',
    '# tenantry completion for zsh. Load it with: source <(tenantry completion zsh)',
    ...pathFunction(tree),
    ...candidatesFunction(tree),
    '_tenantry() {',
    '  _tenantry_candidates "${words[CURRENT-1]}" "${words[CURRENT]}" "${(@)words[2,CURRENT-1]}"',
    '  compadd -- ${=_tenantry_words}',
    '}',
    'compdef _tenantry tenantry',
    '',
  ].join('\n');
}

function fishScript(tree: Tree): string {
  const lines = [
    '# tenantry completion for fish. Load it with: tenantry completion fish | source',
    'function __tenantry_path',
    `  set -l nodes ${tree.nodes.filter(Boolean).map(quote).join(' ')}`,
    `  set -l valued ${tree.valued.join(' ')}`,
    "  set -l key ''",
    '  set -l skip 0',
    '  for word in (commandline -opc)[2..-1]',
    '    if test $skip = 1; set skip 0; continue; end',
    "    if string match -q -- '--*=*' $word; continue; end",
    "    if string match -q -- '-*' $word",
    '      contains -- $word $valued; and set skip 1',
    '      continue',
    '    end',
    '    set -l next (string trim -- "$key $word")',
    '    contains -- $next $nodes; and set key $next',
    '  end',
    '  echo $key',
    'end',
    'function __tenantry_at',
    '  set -l path (__tenantry_path)',
    '  test "$path" = "$argv[1]"',
    'end',
    'complete -c tenantry -f',
  ];
  for (const [node, children] of tree.children) {
    for (const [word, summary] of children)
      lines.push(`complete -c tenantry -n ${quote(`__tenantry_at ${quote(node)}`)} -a ${quote(word)} -d ${quote(summary)}`);
  }
  for (const [node, flags] of tree.flags) {
    for (const flag of flags) {
      const value = flag.type === 'boolean' ? '' : flag.choices ? ` -x -a ${quote(flag.choices.join(' '))}` : ' -r';
      const short = flag.short ? ` -s ${flag.short}` : '';
      lines.push(`complete -c tenantry -n ${quote(`__tenantry_at ${quote(node)}`)} -l ${flag.name}${short}${value} -d ${quote(flag.description)}`);
    }
  }
  for (const node of tree.slugCommands)
    lines.push(`complete -c tenantry -n ${quote(`__tenantry_at ${quote(node)}`)} -a '(tenantry completion slugs 2>/dev/null)'`);
  return `${lines.join('\n')}\n`;
}
