import { defineConfig } from 'tsdown';

export default defineConfig({
  // The embedded store's serving process runs from dist/store-server-main.js, beside the bundle that spawns it.
  entry: { bin: 'src/bin.ts', 'store-server-main': '../core/src/db/store-server-main.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node22.17',
  outDir: 'dist',
  clean: true,
  dts: false,
  sourcemap: true,
  // Everything but package.json's `dependencies` is bundled: the workspace packages (TypeScript
  // sources), MikroORM, zod, pg... A read command then loads a few large files instead of ~600 modules.
  // The dependencies stay external: PGlite (its WebAssembly files sit beside its module), Ink, React and
  // the prompts (loaded only by the console and the guided flows), nodemailer (only to send mail).
  deps: { onlyBundle: false },
  fixedExtension: false,
});
