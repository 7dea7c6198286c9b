#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

// Node keeps the compiled bundle on disk (in the OS temp directory), so later runs skip compiling it:
// it must be on before the rest is imported, hence the dynamic import.
enableCompileCache();
const { run } = await import('./cli/run.ts');
await run(process.argv);
