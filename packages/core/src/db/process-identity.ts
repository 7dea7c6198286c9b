import { readFileSync } from 'node:fs';

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
