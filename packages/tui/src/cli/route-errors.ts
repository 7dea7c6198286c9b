import { TenantryError } from '@tenantry/sdk';
import type { Route } from './route.ts';
import type { CommandHelp } from './command.ts';

type Unrouted = Extract<Route<CommandHelp>, { kind: 'unknown-command' | 'unknown-flag' }>;

/** A mistyped command or flag before any command: INVALID_INPUT (exit 3) with the closest match. */
export function unroutedError(route: Unrouted): TenantryError {
  const prefix = ['tenantry', ...route.words].join(' ');
  const helpHint = `Run "${prefix} --help" for the ${route.kind === 'unknown-flag' ? 'flags' : 'commands'}.`;
  if (route.kind === 'unknown-flag') {
    const meant = route.suggestion ? ` Did you mean \`${route.suggestion}\`?` : '';
    return new TenantryError('INVALID_INPUT', {
      message: `Unknown flag ${route.flag} for "${prefix}".${meant}`,
      details: { issues: [{ path: 'argv', message: `unknown flag ${route.flag}${route.suggestion ? `; did you mean ${route.suggestion}?` : ''}` }] },
      hint: helpHint,
    });
  }
  const typed = [...route.words, route.unknown].join(' ');
  const meant = route.suggestion ? ` Did you mean \`${route.suggestion}\`?` : '';
  return new TenantryError('INVALID_INPUT', {
    message: `Unknown command "tenantry ${typed}".${meant}`,
    details: { issues: [{ path: 'argv', message: `unknown command "${typed}"${route.suggestion ? `; did you mean "${route.suggestion}"?` : ''}` }] },
    hint: route.suggestion ? `Run "${[prefix, route.suggestion].join(' ')} --help", or "${prefix} --help" for every command.` : helpHint,
  });
}
