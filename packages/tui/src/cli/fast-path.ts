// Nothing here may import a value from the SDK: this answers before the SDK, zod and MikroORM load.
import type { IO } from './command.ts';
import { completionScript, SHELLS, type Shell } from './completion.ts';
import { renderCommandHelp, renderGroupHelp } from './help.ts';
import { readManifest } from './manifest.ts';
import { routeCommandLine } from './route.ts';
import { VERSION } from './version.ts';

/**
 * `--version`, help and `completion <shell>` answered from the command manifest the build writes beside
 * the bundle. Returns the exit code, or undefined when the command line needs the full program (running
 * a command, an error to explain, the console, or no manifest: running from the sources).
 */
export function answerFromManifest(tokens: readonly string[], io: IO, bundle: URL): number | undefined {
  if (tokens.length === 0 && io.stdin.isTTY && io.stdout.isTTY && !io.env.CI) return undefined;
  const manifest = readManifest(bundle);
  if (!manifest) return undefined;
  const route = routeCommandLine(manifest.commands, tokens);
  switch (route.kind) {
    case 'version':
      return write(io, `tenantry ${VERSION}\n`);
    case 'group-help':
      return write(io, renderGroupHelp(manifest.commands, route.words));
    case 'command-help':
      return write(io, renderCommandHelp(route.command));
    case 'command': {
      const shell = route.rest[0];
      const isCompletion = route.command.path.length === 1 && route.command.path[0] === 'completion';
      if (isCompletion && route.rest.length === 1 && (SHELLS as readonly string[]).includes(shell ?? '')) {
        return write(io, completionScript(shell as Shell, manifest.commands));
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function write(io: IO, text: string): number {
  io.stdout.write(text);
  return 0;
}
