import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, statusLine } from './progress.ts';
import { createStyle } from './style.ts';

function stream(tty: boolean) {
  const out = Object.assign(new PassThrough(), { isTTY: tty, columns: 80 });
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { out, text: () => text };
}

describe('progress', () => {
  it('piped: one line per item with the count', () => {
    const { out, text } = stream(false);
    const progress = createProgress({ stream: out, total: 3, noun: 'tenants', style: createStyle(false) });
    progress.item('created acme');
    progress.item('failed globex: SLUG_TAKEN', true);
    progress.item('unchanged initech');
    progress.done();
    expect(text()).toBe('[1/3] created acme\n[2/3] failed globex: SLUG_TAKEN\n[3/3] unchanged initech\n');
  });

  it('piped: the count, rate and time left every 10 s between the item lines; nothing with quiet', () => {
    const { out, text } = stream(false);
    let clock = 0;
    const progress = createProgress({ stream: out, total: 3, noun: 'rows', style: createStyle(false), now: () => clock });
    clock = 4_000;
    progress.item('created a');
    clock = 10_000;
    progress.item('created b');
    progress.item('created c');
    expect(text()).toBe('[1/3] created a\n[2/3] created b\n2/3 rows 66% · 0.2/s · 0:05 left\n[3/3] created c\n');
    const silent = stream(false);
    const quiet = createProgress({ stream: silent.out, total: 1, noun: 'rows', style: createStyle(false), quiet: true });
    quiet.item('created a');
    quiet.done();
    expect(silent.text()).toBe('');
  });

  it('on a terminal: a live line with count, rate and time left; failures kept above it; cleared at the end', () => {
    const { out, text } = stream(true);
    let clock = 0;
    const progress = createProgress({ stream: out, total: 4, noun: 'tenants', style: createStyle(false), now: () => clock });
    clock = 1000;
    progress.item('created a');
    clock = 1010;
    progress.item('created b');
    clock = 2000;
    progress.item('failed c', true);
    clock = 4000;
    progress.item('created d');
    progress.done();
    const frames = text().split('\r\u001b[2K');
    expect(frames).toContain('1/4 tenants 25% · 1.0/s · 0:03 left');
    expect(text()).not.toContain('2/4 tenants');
    expect(frames).toContain('✗ failed c\n3/4 tenants 75% · 1.5/s · 0:01 left');
    expect(frames).toContain('4/4 tenants 100% · 1.0/s · 0:00 left');
    expect(text().endsWith('\r\u001b[2K')).toBe(true);
  });

  it('formats rates and durations', () => {
    expect(statusLine(0, 10, 'tenants', 0)).toBe('0/10 tenants 0% · 0.0/s · – left');
    expect(statusLine(500, 1000, 'tenants', 10)).toBe('500/1000 tenants 50% · 50/s · 0:10 left');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});
