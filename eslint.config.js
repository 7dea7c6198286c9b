// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const packageRoot = 'import from the package root, never a deep path';

/** The package boundaries of STYLE.md: imports flow tui → http → sdk → core, never back. */
const boundaries = {
  core: {
    paths: ['@tenantry/sdk', '@tenantry/tui', 'react', 'ink', 'ink-testing-library', '@clack/prompts', '@clack/core'],
    message: 'core imports zod, @mikro-orm/* and node:* only',
  },
  sdk: {
    paths: ['@tenantry/tui', '@tenantry/http', 'react', 'ink', '@clack/prompts', '@clack/core'],
    message: 'the SDK is for programs: no terminal code',
  },
  http: {
    paths: ['@tenantry/core', '@tenantry/tui', 'react', 'ink', '@clack/prompts', '@clack/core'],
    patterns: ['@mikro-orm/*', '@electric-sql/*'],
    message: 'the HTTP API is a face over the SDK, like the CLI',
  },
  tui: {
    paths: ['@tenantry/core'],
    patterns: ['@mikro-orm/*', '@electric-sql/*'],
    message: 'the TUI uses only the SDK, so everything an operator does a program can do',
  },
};

function restrictedImports(name) {
  const rule = boundaries[name];
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: rule.paths.map((path) => ({ name: path, message: rule.message })),
        patterns: [
          { group: ['@tenantry/*/*'], message: packageRoot },
          { group: ['../../*/src/*', '../../../*/src/*'], message: packageRoot },
          ...(rule.patterns ? [{ group: rule.patterns, message: rule.message }] : []),
        ],
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    // One file importing another that (through others) imports it back: the house has no such loops.
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // A `default:` branch is a deliberate "and everything else"; a switch without one must cover every case.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/require-await': 'off',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['packages/core/src/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      ...restrictedImports('core'),
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'core never reads the environment: take it as an option' },
        { object: 'process', property: 'exit', message: 'core never exits: throw a TenantryError' },
        { object: 'process', property: 'exitCode', message: 'only the CLI sets the exit code' },
      ],
    },
  },
  {
    files: ['packages/sdk/src/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      ...restrictedImports('sdk'),
      'no-console': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'exit', message: 'the SDK never exits: throw a TenantryError' }],
    },
  },
  {
    files: ['packages/http/src/**'],
    rules: {
      ...restrictedImports('http'),
      'no-console': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'exit', message: 'the server never exits the process: its host does' }],
    },
  },
  {
    files: ['packages/tui/src/**'],
    rules: {
      ...restrictedImports('tui'),
      'no-console': 'error',
    },
  },
  {
    files: ['packages/tui/src/**'],
    ignores: ['packages/tui/src/cli/run.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exitCode', message: 'only cli/run.ts sets the exit code' },
        { object: 'process', property: 'exit', message: 'only cli/run.ts ends the process' },
      ],
    },
  },
  {
    // Asymmetric matchers (expect.any, expect.stringContaining) are typed any by design.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
