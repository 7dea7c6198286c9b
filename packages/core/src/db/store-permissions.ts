import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Permission bits for the group and others: the embedded store (password and key hashes) has none. */
const SHARED_BITS = 0o077;

export interface LooseEntries {
  /** Files and directories checked. */
  checked: number;
  /** Those readable, writable or searchable by the group or others. */
  loose: string[];
}

/**
 * Takes group and other permissions off Tenantry's home and everything under it (directories 0700,
 * files 0600): an older Tenantry, or PGlite under the usual umask, left them 0755/0644.
 */
export function tightenStorePermissions(home: string): void {
  for (const entry of walk(home)) {
    if ((entry.mode & SHARED_BITS) !== 0) chmodQuietly(entry.path, entry.mode & 0o700);
  }
}

/** Lists what under the home another user of the machine could read (for preflight). */
export function findLooseEntries(home: string): LooseEntries {
  const loose: string[] = [];
  let checked = 0;
  for (const entry of walk(home)) {
    checked++;
    if ((entry.mode & SHARED_BITS) !== 0) loose.push(entry.path);
  }
  return { checked, loose };
}

function* walk(root: string): Generator<{ path: string; mode: number }> {
  const pending = [root];
  while (pending.length > 0) {
    const path = pending.pop() as string;
    let stats;
    try {
      stats = lstatSync(path);
    } catch {
      continue; // removed meanwhile (PGlite's temporary files)
    }
    // A socket's mode is set when it is made; symbolic links have no mode of their own.
    if (stats.isSymbolicLink() || stats.isSocket()) continue;
    yield { path, mode: stats.mode & 0o777 };
    if (stats.isDirectory()) {
      try {
        for (const name of readdirSync(path)) pending.push(join(path, name));
      } catch {
        // unreadable or gone: nothing under it to fix from here
      }
    }
  }
}

function chmodQuietly(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch {
    // removed meanwhile, or not ours
  }
}
