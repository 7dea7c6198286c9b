// Loaded by the fast path (fast-path.ts) too: nothing here may import a value from the SDK.
import { readFileSync } from 'node:fs';
import type { CommandHelp, CommandSpec } from './command.ts';

/** The file the build writes beside the bundled bin (scripts/write-manifest.ts). */
export const MANIFEST_FILE = 'commands.json';

export interface CommandManifest {
  commands: CommandHelp[];
}

/** Every command without its code: what help, --version and completion need, as JSON. */
export function toManifest(commands: readonly CommandSpec[]): CommandManifest {
  return { commands: commands.map((command) => Object.fromEntries(Object.entries(command).filter(([key]) => key !== 'run')) as CommandHelp) };
}

/**
 * The manifest beside the running bundle, or undefined when there is none (running from the sources):
 * then the full command registry answers instead.
 */
export function readManifest(directory: URL): CommandManifest | undefined {
  try {
    return JSON.parse(readFileSync(new URL(MANIFEST_FILE, directory), 'utf8')) as CommandManifest;
  } catch {
    return undefined;
  }
}
