import { PassThrough, Writable } from 'node:stream';
import { fixTerminalEnv } from '../../testing/terminal-env.ts';

export interface PromptTerminal {
  stdin: PassThrough & { isTTY: true; setRawMode(mode: boolean): unknown };
  stdout: Writable & { isTTY: true; columns: number; rows: number };
  /** Everything written so far, as a person would read it (no escape sequences). */
  plain(): string;
  /**
   * Waits until `text` shows in what was written since the previous answer (so an answer is never
   * typed into the prompt before, nor before the next prompt is drawn), then types `answer`.
   */
  when(text: string, answer: string, timeoutMs?: number): Promise<void>;
}

// eslint-disable-next-line no-control-regex -- compare what a person would read
const withoutEscapes = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

/** A terminal made of streams, 100×30, in a fixed environment (see terminal-env.ts); call it inside the test. */
export function promptTerminal(): PromptTerminal {
  fixTerminalEnv();
  let screen = '';
  let answeredAt = 0;
  const written = new Set<() => void>();
  const stdin = Object.assign(new PassThrough(), { isTTY: true as const, setRawMode: () => stdin });
  const stdout = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        screen += chunk.toString();
        for (const check of written) check();
        done();
      },
    }),
    { isTTY: true as const, columns: 100, rows: 30 },
  );

  function when(text: string, answer: string, timeoutMs = 20_000): Promise<void> {
    const from = answeredAt;
    return new Promise((resolve, reject) => {
      const stop = () => {
        clearTimeout(timer);
        written.delete(check);
      };
      const check = () => {
        if (!withoutEscapes(screen.slice(from)).includes(text)) return;
        stop();
        // Typed once the prompt has finished drawing, not from inside one of its writes.
        setImmediate(() => {
          answeredAt = screen.length;
          stdin.write(answer);
          resolve();
        });
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`never showed "${text}" after the previous answer; screen:\n${withoutEscapes(screen)}`));
      }, timeoutMs);
      written.add(check);
      check();
    });
  }

  return { stdin, stdout, plain: () => withoutEscapes(screen), when };
}
