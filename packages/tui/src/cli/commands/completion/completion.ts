import { TenantryError } from '@tenantry/sdk';
import { defineCommand, requiredArg } from '../../command.ts';
import { completionScript, SHELLS, type Shell } from '../../completion.ts';

export const completion = defineCommand({
  path: ['completion'],
  summary: 'Prints the shell completion script for bash, zsh or fish.',
  description:
    'The script completes commands, flags and flag values from the command definitions, and tenant slugs where a command takes one, when a database server is configured (TENANTRY_DATABASE_URL or a profile); on the embedded store slugs are not completed, since opening it takes seconds.',
  args: [{ name: 'shell', description: `One of: ${SHELLS.join(', ')}.` }],
  examples: [
    { description: 'bash, for this shell', command: 'source <(tenantry completion bash)' },
    { description: 'bash, for every shell', command: "echo 'source <(tenantry completion bash)' >> ~/.bashrc" },
    { description: 'zsh', command: "echo 'source <(tenantry completion zsh)' >> ~/.zshrc" },
    { description: 'fish', command: 'tenantry completion fish > ~/.config/fish/completions/tenantry.fish' },
  ],
  async run(ctx, input) {
    const shell = requiredArg(input, 'shell');
    if (!isShell(shell)) throw TenantryError.invalidInput([{ path: 'shell', message: `must be one of: ${SHELLS.join(', ')}` }]);
    ctx.io.stdout.write(completionScript(shell, ctx.commands));
  },
});

export function isShell(word: string | undefined): word is Shell {
  return (SHELLS as readonly string[]).includes(word ?? '');
}
