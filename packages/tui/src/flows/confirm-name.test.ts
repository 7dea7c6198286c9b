import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TenantryError } from '@tenantry/sdk';
import { confirmByName } from './confirm-name.ts';

function terminal() {
  let screen = '';
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
  const stdout = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        screen += chunk.toString();
        done();
      },
    }),
    { isTTY: true, columns: 100, rows: 30 },
  );
  // eslint-disable-next-line no-control-regex -- compare what a person would read
  const plain = () => screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  async function when(text: string, answer: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!plain().includes(text)) {
      if (Date.now() > deadline) throw new Error(`never showed "${text}"; screen:\n${plain()}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    stdin.write(answer);
  }
  return { stdin, stdout, plain, when };
}

const steps = [{ action: 'mark-pending-deletion', description: 'Mark acme-corp pending deletion' }];

describe('confirmByName', () => {
  it('shows the plan and accepts only the exact name, validated as typed', async () => {
    const term = terminal();
    const answer = confirmByName({ io: term, title: 'Delete tenant acme-corp', steps, name: 'Acme Corp' });
    await term.when("Type the tenant's name to confirm (Acme Corp)", 'acme corp\r');
    await term.when('not the exact name', '\u0015Acme Corp\r');
    expect(await answer).toBe('Acme Corp');
    expect(term.plain()).toContain('1. Mark acme-corp pending deletion');
  });

  it('cancels on Ctrl-C', async () => {
    const term = terminal();
    const answer = confirmByName({ io: term, title: 'Purge', steps, name: 'Acme Corp' });
    await term.when('Type the tenant', '\u0003');
    await expect(answer).rejects.toBeInstanceOf(TenantryError);
    await expect(answer).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
