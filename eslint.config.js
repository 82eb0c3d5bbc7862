import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiOnly = ['react', 'react-dom', 'react/*', '@xyflow/*', 'd3-*', 'comlink'];
const pureCore = {
  group: uiOnly,
  message: 'src/engine and src/graph are pure: no UI or worker code.',
};

// The UI's layers, lowest first; a folder imports only from layers below its own, and the
// pure core (src/engine, src/graph) sits below them all.
//
//   i18n → state → engine-client, ui → panels/heatmap, panels/inspect → panels/exercise
//     → panels/explain → editor → app
//
// ui holds widgets any view may use (Dialog, fields, formatValue); panels/inspect the
// inspected cell (focus, player, answers) that nodes, explain and exercises all read; the
// explain panel hosts the exercise questions; the editor's nodes draw heatmaps and
// exercises; app, the shell, may import everything. Each entry: a folder, the folders above
// it that it must not import, and a file it may import all the same.
const uiLayers = [
  ['src/i18n', ['state', 'engine-client', 'ui', 'panels', 'editor', 'app']],
  ['src/state', ['engine-client', 'ui', 'panels', 'editor', 'app']],
  ['src/engine-client', ['ui', 'panels', 'editor', 'app']],
  ['src/ui', ['engine-client', 'panels', 'editor', 'app']],
  ['src/panels', ['editor', 'app']],
  ['src/panels/heatmap', ['panels/inspect', 'panels/exercise', 'panels/explain', 'editor', 'app']],
  ['src/panels/inspect', ['panels/heatmap', 'panels/exercise', 'panels/explain', 'editor', 'app']],
  // TODO: the exception goes when MiniGrid, styled by the explain panel's CSS, moves to src/ui.
  ['src/panels/exercise', ['panels/explain', 'editor', 'app'], 'panels/explain/MiniGrid.tsx'],
  ['src/panels/explain', ['editor', 'app']],
  ['src/editor', ['app']],
];

/**
 * A relative import of `src/<dir>` from any depth: `../../app/…`, and for a panel folder
 * also `../explain/…` from its sibling (not `../../engine/explain/…`, which is the core).
 * `allow` (e.g. `panels/explain/MiniGrid.tsx`) is let through.
 */
function importOf(dir, allow) {
  const [top, sub] = dir.split('/');
  const path = sub ? `(${top}/)?${sub}` : top;
  const file = allow?.startsWith(`${dir}/`) ? allow.slice(dir.length + 1) : null;
  const except = file ? `(?!${file.replaceAll('.', '\\.')}$)` : '';
  return {
    regex: `^(\\.\\.?/)+${path}/${except}`,
    message: `not src/${dir} from here: imports go down the UI's layers (eslint.config.js)`,
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'tests/e2e/screenshots',
      '.tsbuild',
      'build/bench',
    ],
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
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The core runs unchanged in Node, a worker and the CLI: no UI, DOM or worker-bridge code.
    files: ['src/engine/**', 'src/graph/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [pureCore] }],
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'localStorage', 'navigator'],
    },
  },
  {
    // src/graph is the bottom floor: the engine builds on it, never the other way round.
    // (tsconfig.graph.json, which compiles src/graph alone, enforces the same.) A later
    // block replaces a rule's options wholesale, so the UI group is listed again.
    files: ['src/graph/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pureCore,
            {
              regex: '(^|/)engine(/|$)',
              message: 'src/graph is the bottom floor: it imports nothing from src/engine.',
            },
            {
              regex: '^\\.\\./(?!engine/)',
              message: 'src/graph is the bottom floor: it imports only from itself and packages.',
            },
          ],
        },
      ],
    },
  },
  // Later entries override earlier ones, so src/panels/explain gets its own list, not src/panels's.
  ...uiLayers.map(([folder, above, allow]) => ({
    files: [`${folder}/**`],
    rules: {
      'no-restricted-imports': ['error', { patterns: above.map((dir) => importOf(dir, allow)) }],
    },
  })),
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.node } } },
);
