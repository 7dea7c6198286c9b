import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MANIFEST_FILE, toManifest } from '../src/cli/manifest.ts';
import { COMMANDS } from '../src/cli/registry.ts';

// Run by `pnpm build` after tsdown: dist/commands.json lets `--help`, `--version` and completion answer
// without loading the SDK (src/cli/fast-path.ts).
writeFileSync(fileURLToPath(new URL(`../dist/${MANIFEST_FILE}`, import.meta.url)), `${JSON.stringify(toManifest(COMMANDS))}\n`);
