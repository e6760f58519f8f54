// ESLint for the whole repository (flat config): typescript-eslint everywhere, Next's and React hooks'
// rules for web/, jest's for tests. `npm run lint` runs it after Prettier and before the compilers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import jest from 'eslint-plugin-jest';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.next/**',
      '**/.strapi/**',
      '**/.tmp/**',
      'cms/types/generated/**',
      'web/next-env.d.ts',
      'e2e/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Plain CommonJS files (scripts, configs, the web server and the e2e suites) may require().
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      ...reactHooks.configs.recommended.rules,
    },
    settings: { next: { rootDir: 'web' } },
  },
  {
    // Browser journeys and benchmarks pass functions to page.evaluate(), which run in the page.
    files: ['e2e/**/*.js', 'bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.test.{ts,tsx,js}', '**/tests/**/*.ts', 'e2e/**/*.js'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      // Tests load the compiled CMS (dist/) with require(), typed by its sources.
      '@typescript-eslint/no-require-imports': 'off',
      // Several tests assert through a helper (expectRefusal, waitFor, matchesFixture).
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'waitFor', 'matchesFixture'] }],
    },
  },
);
