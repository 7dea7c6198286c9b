import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../registry.ts';
import { renderCliDocs } from './render-cli-docs.ts';
import { renderDoctorDocs } from './render-doctor-docs.ts';
import { renderErrorDocs } from './render-error-docs.ts';
import { renderEventDocs } from './render-event-docs.ts';
import { renderPlanDocs } from './render-plan-docs.ts';
import { renderSettingsDocs } from './render-settings-docs.ts';

const doc = (name: string) => readFileSync(new URL(`../../../../../docs/${name}`, import.meta.url), 'utf8');

describe('generated docs', () => {
  it('docs/cli.md matches the command definitions (run `pnpm docs:generate` after changing a command)', () => {
    expect(doc('cli.md')).toBe(renderCliDocs(COMMANDS));
  });

  it('docs/errors.md matches the error catalog (run `pnpm docs:generate` after adding a code)', () => {
    expect(doc('errors.md')).toBe(renderErrorDocs());
  });

  it('docs/doctor.md matches the health check catalog (run `pnpm docs:generate` after changing a check)', () => {
    expect(doc('doctor.md')).toBe(renderDoctorDocs());
  });

  it('docs/plans.md matches the plan catalog and its feature gates (run `pnpm docs:generate` after changing them)', () => {
    expect(doc('plans.md')).toBe(renderPlanDocs());
  });

  it('docs/settings.md matches the settings keys and bounds (run `pnpm docs:generate` after changing them)', () => {
    expect(doc('settings.md')).toBe(renderSettingsDocs());
  });

  it('docs/events.md matches the event catalog (run `pnpm docs:generate` after changing an event type)', () => {
    expect(doc('events.md')).toBe(renderEventDocs());
  });

  it('documents every visible command with at least one example', () => {
    for (const command of COMMANDS.filter((spec) => !spec.hidden)) {
      expect(command.examples.length, command.path.join(' ')).toBeGreaterThan(0);
      expect(command.summary, command.path.join(' ')).toMatch(/^[A-Z][a-z]+s .*\.$/);
    }
  });
});
