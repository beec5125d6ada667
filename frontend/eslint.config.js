// Lint rules for the UI; `npm run lint` (part of `npm run build`) fails on any violation.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['target/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
      'prefer-const': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // log text reaches the page only as text nodes
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Log text is hostile: build text nodes.' },
        { property: 'outerHTML', message: 'Log text is hostile: build text nodes.' },
        { property: 'insertAdjacentHTML', message: 'Log text is hostile: build text nodes.' },
      ],
    },
  },
  {
    // tests build their fixtures from literal markup
    files: ['src/**/*.test.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
