import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * When a process started, as the kernel counts it (`/proc/<pid>/stat` field 22, clock ticks since
 * boot): with the pid it names one process for the machine's uptime, so a lock that names a pid the
 * system has since given to another process is recognised. Undefined where there is no /proc.
 */
export function processStartTicks(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}

/** The wall-clock start of a process (from the boot time and its start ticks), or undefined. */
export function processStartTime(pid: number): Date | undefined {
  const ticks = processStartTicks(pid);
  if (ticks === undefined) return undefined;
  try {
    const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1];
    if (btime === undefined) return undefined;
    // USER_HZ is 100 on every Linux architecture Node supports.
    return new Date((Number(btime) + Number(ticks) / 100) * 1000);
  } catch {
    return undefined;
  }
}

/**
 * True only when it is certain the process is gone: on this host, its pid is free or now names a process
 * that started at another time. A process on another host, or one not identifiable, is taken as alive.
 */
export function processIsGone(holder: { host: string; pid: number; pidStart?: string | undefined }): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
  }
  if (holder.pidStart === undefined) return false;
  const current = processStartTicks(holder.pid);
  return current !== undefined && current !== holder.pidStart;
}
