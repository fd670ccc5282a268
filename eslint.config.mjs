/**
 * `npm run lint`: ESLint's recommended rules, typescript-eslint's recommended
 * rules, and, for the elements, eslint-plugin-lit (templates, reactive
 * properties) and eslint-plugin-wc (custom-element best practices).
 */
import js from '@eslint/js';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'docs/api/',
      'docs/elements/',
      'test-results/',
      'node_modules/',
      'custom-elements.json',
      // The consumer projects' own sources are linted by nothing here: each is type-checked against the packed package.
      'test/consumers/*/',
      'examples/plain-html/web-billing-kit/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['components/**/*.ts'],
    extends: [litConfigs['flat/recommended'], wcConfigs['flat/best-practice']],
  },
  {
    rules: {
      // A leading underscore marks a binding that a signature needs and the body does not use
      // (Lit's `render(_props)` of a directive, an overridable hook's `_error`, `[_, rest]`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/browser/**/*.ts'],
    rules: {
      // chai's property assertions (`expect(x).to.be.true`, `.to.exist`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests build malformed values on purpose (corrupt snapshots, untyped answer bodies read as the test expects).
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
