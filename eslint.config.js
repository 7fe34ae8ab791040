// ESLint for the whole tree: typescript-eslint's recommended rules, React's hook rules for the page,
// and the import boundaries between the rooms (drawn in ARCHITECTURE.md).
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The rooms: folders of the repository, first match wins. A file outside them all (the tools'
 * configs at the root) is not checked for boundaries.
 */
export const ROOMS = [
  // The contract: handler and event types, argument schemas, the bridge types, the vocabulary.
  { type: 'api', pattern: 'src/api' },
  // What stands at the edge of the core: dispatch, folder grants, CSP, path containment.
  { type: 'boundary', pattern: 'src/boundary' },
  // Web mode: serves the page and the contract over HTTP.
  { type: 'web', pattern: 'src/web' },
  // The core's other ways in: the command line, and the files the desktop hands over.
  { type: 'entry', pattern: 'src/cli' },
  { type: 'entry', pattern: 'src/desktop' },
  // Everything else in src/: the platform-free core.
  { type: 'core', pattern: 'src' },
  { type: 'shell', pattern: 'electron' },
  { type: 'renderer', pattern: 'renderer' },
  { type: 'tooling', pattern: 'test' },
  { type: 'tooling', pattern: 'scripts' },
].map((room) => ({ partialMatch: false, ...room }));

/** The one module of the core the page may import as values: limits, enums, user-facing names. */
export const FILES = [{ category: 'vocabulary', pattern: 'src/api/vocabulary.ts' }];

const to = (...types) => ({ to: { element: { type: types } } });

/** Who may import whom; anything not allowed here is refused. */
export const POLICIES = [
  { from: { element: { type: ['core', 'api'] } }, allow: [to('core', 'api')] },
  { from: { element: { type: 'boundary' } }, allow: [to('core', 'api')] },
  { from: { element: { type: ['web', 'entry'] } }, allow: [to('core', 'api', 'boundary')] },
  { from: { element: { type: 'shell' } }, allow: [to('core', 'api', 'boundary', 'entry')] },
  // The page: the contract's types, and the vocabulary as values; never the core's code.
  {
    from: { element: { type: 'renderer' } },
    allow: [{ to: { element: { type: 'api' } }, dependency: { kind: 'type' } }, { to: { element: { type: 'api' }, file: { categories: 'vocabulary' } } }],
  },
  { from: { element: { type: 'tooling' } }, allow: [to('core', 'api', 'boundary', 'web', 'entry', 'shell', 'renderer', 'tooling')] },
];

export default tseslint.config(
  { ignores: ['dist/', 'release/', '.tmp/', 'node_modules/', 'test/fixtures/', 'resources/', 'docs/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` says "unused on purpose" (a handler's ignored argument, a destructured rest).
      // A `let` read by a closure before its one assignment (a handler set up before start) stays a `let`.
      'prefer-const': ['error', { destructuring: 'all', ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: reactHooks.configs.flat.recommended.plugins,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // Only tells that the React Compiler would skip a component (TanStack Virtual's); we do not run it.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'test/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.config.{ts,js}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ROOMS,
      'boundaries/files': FILES,
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'import/resolver': { typescript: { alwaysTryTypes: true, project: 'tsconfig.json' } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: POLICIES }],
      // An import the resolver cannot place in a room is a mistake too (a path that escapes them all).
      'boundaries/no-unknown-dependencies': 'error',
    },
  },
  {
    // The network is reached through one module of the core (src/net: https only, timeouts, size
    // caps, retries), so tests can point every fetch at a local fixture server.
    files: ['src/**/*.ts'],
    ignores: ['src/net/**', 'src/web/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Fetch through src/net (createFetcher).' }],
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:http', 'node:https', 'http', 'https', 'node:net', 'net', 'node:tls', 'tls', 'undici'].map((name) => ({
            name,
            message: 'Reach the network through src/net.',
          })),
        },
      ],
    },
  },
  {
    // Last, so it wins over the network rule above for this file.
    // The vocabulary imports nothing, so the page never pulls the core in through it.
    files: ['src/api/vocabulary.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['*'], message: 'The vocabulary imports nothing: the page bundles it.' }] }] },
  },
);
