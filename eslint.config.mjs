import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'e2e/artifacts/**', '.electron-native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The domain never imports Electron: only the shell (src/main/app, index.ts) and the preload may.
    files: [
      'src/main/**/*.ts',
      'src/shared/**/*.ts',
      'src/renderer/**/*.{ts,tsx}',
      'bench/**/*.ts',
      'e2e/**/*.ts',
    ],
    ignores: ['src/main/index.ts', 'src/main/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only the Electron shell (src/main/app) imports electron.' }],
        },
      ],
    },
  },
  {
    // The renderer reaches main only through window.api.
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': 'off',
      // The typescript-eslint version, for allowTypeImports.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main through window.api only.' }],
          patterns: [
            {
              group: ['**/main/**', 'node:*', 'better-sqlite3', 'typeorm'],
              message: 'The renderer holds no database or main-process code.',
            },
            {
              // Its zod schemas are main's: importing a value would put zod back in the bundle (947 kB then, 326 kB now).
              group: ['**/shared/contract'],
              allowTypeImports: true,
              message: 'The renderer imports the contract as types only (import type).',
            },
            {
              // zod at run time in the page probes eval (new Function), which the CSP refuses.
              group: ['**/shared/timeline-schema', 'zod'],
              allowTypeImports: true,
              message: "zod schemas are main's: the renderer imports them as types only (import type).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.test.{ts,tsx}', 'src/renderer/src/test/**'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // Type-aware: a promise nobody awaits or handles is a bug unless marked with `void`.
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // A promise handed to something that ignores it (an onClick, a listener) is marked too.
      '@typescript-eslint/no-misused-promises': 'error',
      // And `void` marks only a promise: on anything else it says nothing.
      '@typescript-eslint/no-meaningless-void-operator': 'error',
    },
  },
);
