import { readFile } from 'node:fs/promises';
import { TenantryError } from '@tenantry/sdk';
import type { FlagSpec } from '../../command.ts';

export const EXPORT_KEY_FILE_FLAG: FlagSpec = {
  name: 'export-key-file',
  type: 'string',
  placeholder: 'FILE',
  field: 'exportKey',
  description: "A file holding the export key (32+ characters) to sign or verify with instead of this installation's: to move a tenant between installations.",
};

/** The key in the file `--export-key-file` names (read here, never put on the command line where `ps` shows it). */
export async function exportKeyOption(flags: Record<string, unknown>): Promise<{ exportKey?: string }> {
  const file = flags['export-key-file'];
  if (typeof file !== 'string') return {};
  try {
    return { exportKey: await readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT')
      throw new TenantryError('NOT_FOUND', {
        message: `The export key file ${file} (--export-key-file) does not exist.`,
        details: { flag: '--export-key-file', file },
        hint: 'Pass the file holding the key the export was signed with.',
      });
    throw TenantryError.invalidInput([{ path: 'exportKey', message: `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}` }]);
  }
}
