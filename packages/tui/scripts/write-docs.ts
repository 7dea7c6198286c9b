import { writeFileSync } from 'node:fs';
import { openApiDocumentText } from '@tenantry/http';
import { fileURLToPath } from 'node:url';
import { renderCliDocs } from '../src/cli/docs/render-cli-docs.ts';
import { renderDoctorDocs } from '../src/cli/docs/render-doctor-docs.ts';
import { renderErrorDocs } from '../src/cli/docs/render-error-docs.ts';
import { renderEventDocs } from '../src/cli/docs/render-event-docs.ts';
import { renderPlanDocs } from '../src/cli/docs/render-plan-docs.ts';
import { renderSettingsDocs } from '../src/cli/docs/render-settings-docs.ts';
import { COMMANDS } from '../src/cli/registry.ts';
import { renderKeybindingDocs } from '../src/app/render-keybinding-docs.ts';

const docs = (name: string) => fileURLToPath(new URL(`../../../docs/${name}`, import.meta.url));

writeFileSync(docs('cli.md'), renderCliDocs(COMMANDS));
writeFileSync(docs('errors.md'), renderErrorDocs());
writeFileSync(docs('keybindings.md'), renderKeybindingDocs());
writeFileSync(docs('doctor.md'), renderDoctorDocs());
writeFileSync(docs('openapi.json'), openApiDocumentText());
writeFileSync(docs('events.md'), renderEventDocs());
writeFileSync(docs('plans.md'), renderPlanDocs());
writeFileSync(docs('settings.md'), renderSettingsDocs());
process.stdout.write(
  'Wrote docs/cli.md, docs/errors.md, docs/keybindings.md, docs/doctor.md, docs/events.md, docs/plans.md, docs/settings.md and docs/openapi.json\n',
);
