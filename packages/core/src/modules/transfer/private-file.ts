import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { TenantryError } from '../../errors.ts';

/** Writes a file only its owner can read, atomically (a temporary file renamed over it); path errors name `field`. */
export async function writePrivateFile(path: string, text: string, field: string): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw TenantryError.invalidInput([{ path: field, message: `${path} is a directory: give a file name in it` }]);
  const temporary = `${path}.${randomBytes(4).toString('hex')}.partial`;
  try {
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw writeError(error, path, field);
  }
}

function writeError(error: unknown, path: string, field: string): TenantryError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const invalid = (message: string) => TenantryError.invalidInput([{ path: field, message }]);
  if (code === 'ENOENT') return invalid(`the directory ${dirname(path)} does not exist`);
  if (code === 'EISDIR') return invalid(`${path} is a directory, not a file`);
  if (code === 'EACCES' || code === 'EPERM') return invalid(`cannot write ${path}: permission denied`);
  if (code === 'ENOTDIR') return invalid(`a part of ${path} is not a directory`);
  return TenantryError.internal(error);
}
