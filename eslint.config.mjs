/**
 * `npm run lint`: the boundaries that lib/README.md writes down, checked on every import, and the
 * length of functions. Run by `npm test` (tests/run-all-tests.ts counts it as one test).
 *
 * - lib/ never imports app/, next or react (tests included).
 * - Only lib/pipeline imports the file system and the other Node-only modules (node:fs, node:path,
 *   node:child_process, node:worker_threads, @duckdb/node-api); `*.test.ts` files may.
 * - Each folder of lib/ imports only the folders of its row in LIB_IMPORTS (the "may import" column
 *   of lib/README.md's table); `types` lists folders it may import types from only (`import type`).
 *   A folder without a row may import no other folder until it gets one.
 * - Functions longer than 80 lines in lib/ and 120 in app/ (blank lines and comments not counted)
 *   are warnings for now.
 * - app/: React's rules of hooks (errors) and effect dependencies (warnings).
 */
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';

/**
 * Folder of lib/ → the folders of lib/ it may import (`uses`) and those it may import types from only
 * (`types`); `'*'` = every folder. `packages`, when given, are the only packages the folder may import.
 * Keep it the same as the table in lib/README.md.
 */
const LIB_IMPORTS = {
  model: { uses: [], packages: ['zod'] },
  parse: { uses: ['model'] },
  normalize: { uses: ['model'], types: ['parse'] },
  read: { uses: ['model', 'parse', 'normalize', 'checks'], types: ['ocr'] },
  ocr: { uses: [] },
  checks: { uses: ['model'] },
  store: { uses: ['model', 'present'] },
  present: { uses: ['model', 'checks'], types: ['store', 'query'] },
  query: { uses: ['model', 'store', 'present'] },
  upload: { uses: ['model', 'parse', 'read', 'checks', 'store', 'query'] },
  review: { uses: ['model'] },
  correct: { uses: ['model', 'checks', 'store', 'read'] },
  charts: { uses: ['model', 'present', 'query'] },
  csv: { uses: ['model', 'present', 'query'] },
  synth: { uses: ['model'] },
  pipeline: { uses: '*' },
};

/** The folders of lib/ as they are on disk (a new folder is covered before it has a row). */
const LIB_FOLDERS = readdirSync(new URL('./lib/', import.meta.url), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx'];

/** An import of lib/NAME from a file in another folder of lib/ (relative, via ../../lib/ or the @/ alias). */
const folderRegex = (names) => `^(?:\\.\\./|(?:\\.\\./)+lib/|@/lib/)(?:${names.join('|')})(?:/|$)`;

const NOT_APP = [
  { regex: '^(?:(?:\\.\\./)+app|@/app)(?:/|$)', message: 'lib/ never imports app/: app/ imports lib/, not the reverse.' },
  {
    group: ['next', 'next/*', 'react', 'react/*', 'react-dom', 'react-dom/*'],
    message: 'lib/ is framework-free: move the React/Next part to app/.',
  },
];
const NODE_ONLY_REGEX = '^(?:node:)?(?:fs|path|child_process|worker_threads)(?:/.*)?$|^@duckdb/node-api$';
const NODE_ONLY = [
  {
    regex: NODE_ONLY_REGEX,
    message: 'Only lib/pipeline touches the file system and Node-only modules: move this code to lib/pipeline.',
  },
];

/** The import restrictions of one folder of lib/ (non-test files). */
function folderPatterns(folder) {
  const row = LIB_IMPORTS[folder];
  const patterns = [...NOT_APP, ...(folder === 'pipeline' ? [] : NODE_ONLY)];
  if (!row) {
    const others = LIB_FOLDERS.filter((f) => f !== folder);
    patterns.push({ regex: folderRegex(others), message: `lib/${folder} has no row in eslint.config.mjs LIB_IMPORTS (and lib/README.md): add one.` });
    return patterns;
  }
  if (row.uses !== '*') {
    const allowed = new Set([folder, ...row.uses]);
    const typeOnly = (row.types ?? []).filter((f) => !allowed.has(f));
    const forbidden = LIB_FOLDERS.filter((f) => !allowed.has(f) && !typeOnly.includes(f));
    const may = `lib/${folder} may import ${row.uses.length ? row.uses.join(', ') : 'no other folder of lib/'}${typeOnly.length ? ` (types only: ${typeOnly.join(', ')})` : ''} (lib/README.md).`;
    if (forbidden.length) patterns.push({ regex: folderRegex(forbidden), message: may });
    if (typeOnly.length) patterns.push({ regex: folderRegex(typeOnly), message: `${may} Use \`import type\`.`, allowTypeImports: true });
  }
  if (row.packages) {
    const ok = row.packages.map((p) => p.replace(/[/.]/g, '\\$&')).join('|');
    patterns.push({ regex: `^(?!(?:${ok})(?:/|$))[^./]`, message: `lib/${folder} imports only the packages ${row.packages.join(', ')}.` });
  }
  return patterns;
}

/** `import('node:fs')` and `import('react')` are imports too. */
const dynamicImport = (regex, message) => ({ selector: `ImportExpression[source.value=/${regex.replace(/\//g, '\\/')}/]`, message });

export default [
  { ignores: ['node_modules/**', '.next/**', 'data/**', 'tests/**', '**/*.mjs', '**/*.js', 'next-env.d.ts'] },
  {
    files: ['lib/**/*.ts', 'app/**/*.ts', 'app/**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
  },
  {
    files: ['lib/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'max-lines-per-function': ['warn', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    ignores: TEST_FILES,
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'max-lines-per-function': ['warn', { max: 120, skipBlankLines: true, skipComments: true }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  // Test files in lib/: framework-free still, but they may open files and use node-duckdb.
  {
    files: TEST_FILES.map((g) => `lib/${g}`),
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: NOT_APP }] },
  },
  ...LIB_FOLDERS.map((folder) => ({
    files: [`lib/${folder}/**/*.ts`],
    ignores: TEST_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: folderPatterns(folder) }],
      'no-restricted-syntax': [
        'error',
        dynamicImport('^(?:(?:\\.\\./)+app|@/app|next|react|react-dom)(?:/|$)', NOT_APP[1].message),
        ...(folder === 'pipeline' ? [] : [dynamicImport(NODE_ONLY_REGEX, NODE_ONLY[0].message)]),
      ],
    },
  })),
];
