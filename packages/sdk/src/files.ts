import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { TenantryError } from '@tenantry/core';

/**
 * Reads a file an argument names. A missing file is FILE_NOT_FOUND and a directory or an unreadable
 * file is INVALID_INPUT, each naming `field` (the argument), never an internal error.
 */
export async function readInputFile(path: string, field: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw fileError(error, path, field, 'read');
  }
}

/**
 * Refuses a file that cannot be written before anything is planned: a directory, or a path whose
 * directory does not exist. So a plan never promises a write that then fails.
 */
export async function assertWritablePath(path: string, field: string): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw invalidPath(field, `${path} is a directory: give a file name in it`);
  const parent = await stat(dirname(path)).catch(() => undefined);
  if (!parent?.isDirectory()) throw invalidPath(field, `the directory ${dirname(path)} does not exist`);
}

/** Writes a file only its owner can read, atomically (a temporary file renamed over it). */
export async function writePrivateFile(path: string, text: string, field: string): Promise<void> {
  await assertWritablePath(path, field);
  const temporary = `${path}.${randomBytes(4).toString('hex')}.partial`;
  try {
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw fileError(error, path, field, 'write');
  }
}

export function fileError(error: unknown, path: string, field: string, verb: 'read' | 'write'): TenantryError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' && verb === 'read') {
    return new TenantryError('FILE_NOT_FOUND', {
      message: `No such file: ${path}.`,
      details: { path, field },
      hint: 'Check the path (relative paths start from the current directory).',
      cause: error,
    });
  }
  if (code === 'ENOENT') return invalidPath(field, `the directory ${dirname(path)} does not exist`);
  if (code === 'EISDIR') return invalidPath(field, `${path} is a directory, not a file`);
  if (code === 'EACCES' || code === 'EPERM') return invalidPath(field, `cannot ${verb} ${path}: permission denied`);
  if (code === 'ENOTDIR') return invalidPath(field, `a part of ${path} is not a directory`);
  return TenantryError.internal(error);
}

function invalidPath(field: string, message: string): TenantryError {
  return TenantryError.invalidInput([{ path: field, message }]);
}
