import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { bin: 'src/bin.ts' },
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
