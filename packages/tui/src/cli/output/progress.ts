import type { Writable } from 'node:stream';
import type { Style } from './style.ts';

export interface ProgressOptions {
  /** Where progress goes: stderr (results stay on stdout). */
  stream: Writable & { isTTY?: boolean; columns?: number };
  total: number;
  /** What is counted, plural: "tenants". */
  noun: string;
  style: Style;
  /** --quiet: no progress at all. */
  quiet?: boolean;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
}

export interface Progress {
  /** One item is done. On a terminal the live line moves (failures are kept above it); otherwise one line per item. */
  item(line: string, failed?: boolean): void;
  /** Clears the live line. */
  done(): void;
}

const REDRAW_EVERY_MS = 80;
/** Piped, a count-rate-ETA line between the item lines this often, so a log shows how long is left. */
const PIPED_STATUS_EVERY_MS = 10_000;

/**
 * Long work's progress: on a terminal one live line with the count, the rate and the time left,
 * redrawn at most every 80 ms, failures printed above it as they happen; piped, one line per item
 * (`[12/1000] created acme`), so logs and CI show every item, and every 10 s the count, rate and time left.
 */
export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const live = Boolean(options.stream.isTTY);
  const width = Math.max(20, (options.stream.columns ?? 80) - 1);
  let done = 0;
  let drawnAt = -Infinity;
  let statusAt = started;
  let drawn = false;
  const write = (text: string) => void options.stream.write(text);
  const clear = () => {
    if (drawn) write('\r\u001b[2K');
    drawn = false;
  };
  const draw = (force: boolean) => {
    const at = now();
    if (!force && at - drawnAt < REDRAW_EVERY_MS) return;
    drawnAt = at;
    clear();
    write(truncate(statusLine(done, options.total, options.noun, (at - started) / 1000), width));
    drawn = true;
  };
  return {
    item(line, failed = false) {
      done++;
      if (options.quiet) return;
      if (!live) {
        write(`[${done}/${options.total}] ${line}\n`);
        const at = now();
        if (at - statusAt >= PIPED_STATUS_EVERY_MS && done < options.total) {
          statusAt = at;
          write(`${statusLine(done, options.total, options.noun, (at - started) / 1000)}\n`);
        }
        return;
      }
      if (failed) {
        clear();
        write(`${options.style.red('✗')} ${line}\n`);
      }
      draw(failed || done === options.total);
    },
    done() {
      if (live) clear();
    },
  };
}

/** "123/1000 12% · 45.2/s · 0:19 left" */
export function statusLine(done: number, total: number, noun: string, elapsedSeconds: number): string {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const left = rate > 0 ? formatDuration((total - done) / rate) : '–';
  return `${done}/${total} ${noun} ${percent}% · ${rate >= 10 ? rate.toFixed(0) : rate.toFixed(1)}/s · ${left} left`;
}

/** 75 → "1:15", 3725 → "1:02:05". */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
