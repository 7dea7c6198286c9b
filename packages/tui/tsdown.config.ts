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
  // The workspace packages ship TypeScript sources: bundle them. Third-party packages stay external.
  noExternal: [/^@tenantry\//],
  fixedExtension: false,
});
