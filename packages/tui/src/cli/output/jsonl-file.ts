import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { TenantryError } from '@tenantry/sdk';

export interface JsonLinesFile {
  /** Appends one JSON line and flushes it to disk before returning: a killed process loses none of it. */
  write(value: unknown): void;
  close(): void;
}

/**
 * Creates a JSON Lines file only its owner can read (mode 0600: it may hold one-time passwords). An
 * existing file is refused rather than overwritten, so the report of an earlier run is never lost.
 */
export function createJsonLinesFile(path: string, flag: string): JsonLinesFile {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    throw openError(error, path, flag);
  }
  return {
    write(value) {
      writeSync(fd, `${JSON.stringify(value)}\n`);
      fsyncSync(fd);
    },
    close: () => closeSync(fd),
  };
}

function openError(error: unknown, path: string, flag: string): TenantryError {
  const code = (error as NodeJS.ErrnoException).code;
  const message =
    code === 'EEXIST'
      ? `${path} already exists: give a new file (an earlier report is never overwritten)`
      : code === 'ENOENT'
        ? `the directory ${dirname(path)} does not exist`
        : code === 'EISDIR'
          ? `${path} is a directory: give a file name in it`
          : code === 'EACCES' || code === 'EPERM'
            ? `cannot write ${path}: permission denied`
            : undefined;
  if (!message) return TenantryError.internal(error);
  return TenantryError.invalidInput([{ path: `--${flag}`, message }]);
}
