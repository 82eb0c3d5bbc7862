import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiOnly = ['react', 'react-dom', 'react/*', '@xyflow/*', 'd3-*', 'comlink'];

export default tseslint.config(
  {
    ignores: ['dist', 'node_modules', 'test-results', 'tests/e2e/screenshots'],
  },
  // AssemblyScript (decorators on functions, v128) and its generated module: built by asc.
  { ignores: ['src/engine/wasm/assembly', 'src/engine/wasm/generated'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core runs unchanged in Node, a worker and the CLI: no UI, DOM or worker-bridge code.
    files: ['src/engine/**', 'src/graph/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: uiOnly, message: 'src/engine and src/graph are pure: no UI or worker code.' }] },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'localStorage', 'navigator'],
    },
  },
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.node } } },
);
