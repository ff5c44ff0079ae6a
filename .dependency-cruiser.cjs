// The layers, and the one direction imports may run between them. Checked by
// `npm run lint` (depcruise); a broken rule fails CI with the offending import.
//
//   tests/e2e ──▶ fixtures ──▶ flows ──▶ pages ──▶ helpers ──▶ common
//                    │                      ▲                    ▲
//                    ├──────▶ plan ─────────┴────────────────────┤   (the story catalogue)
//                    └──────▶ config ────────────────────────────┘
//   tools (doctor, janitor, bench) ──▶ config, plan, flows, pages, helpers, local
//   tests/self, tests/unit ──▶ anything but the stories
//   config ──▶ local/stack-settings.ts, and nothing else of local
//   local (the embedded stack) ──▶ common only
//   examples (a team's Lambda handlers) ──▶ nothing of ours
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle means two modules cannot be understood apart; break it by moving the shared part down a layer.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'local-is-self-contained',
      severity: 'error',
      comment: 'The embedded stack imports nothing from the suite except common/ (Cognito\'s default texts, HTML to text): it must run without the tests.',
      from: { path: '^local/' },
      to: { path: '^(config|fixtures|flows|helpers|pages|plan|tests|tools)/' },
    },
    {
      name: 'examples-stand-alone',
      severity: 'error',
      comment: 'An example is a team\'s own code (a Lambda handler, deployed on its own): it imports nothing of the suite.',
      from: { path: '^examples/' },
      to: { path: '^(common|config|fixtures|flows|helpers|local|pages|plan|tests|tools)/' },
    },
    {
      name: 'common-imports-nothing-of-ours',
      severity: 'error',
      comment: 'common/ is the bottom layer, shared by the stack and the suite.',
      from: { path: '^common/' },
      to: { path: '^(config|fixtures|flows|helpers|local|pages|plan|tests|tools)/' },
    },
    {
      name: 'helpers-stay-below',
      severity: 'error',
      comment: 'helpers/ is what the tests use at run time; it knows nothing of fixtures, flows, pages, settings, tools, tests or the stack.',
      from: { path: '^helpers/' },
      to: { path: '^(config|fixtures|flows|local|pages|plan|tests|tools)/' },
    },
    {
      name: 'pages-know-only-helpers',
      severity: 'error',
      comment: 'A page object is a screen described by its words: it imports helpers and common, never fixtures, flows or settings.',
      from: { path: '^pages/' },
      to: { path: '^(config|fixtures|flows|local|plan|tests|tools)/' },
    },
    {
      name: 'flows-compose-pages',
      severity: 'error',
      comment: 'A flow is composed from screens and helpers; fixtures give it to stories, never the other way round.',
      from: { path: '^flows/' },
      to: { path: '^(config|fixtures|local|plan|tests|tools)/' },
    },
    {
      name: 'plan-reads-only-common-and-pages',
      severity: 'error',
      comment:
        'plan/ is the test plan: which stories there are, what each needs and mails. It reads the operation catalogue (common/) and the screens a UI may lack (pages/), nothing that runs.',
      from: { path: '^plan/' },
      to: { path: '^(config|fixtures|flows|helpers|local|tests|tools)/' },
    },
    {
      name: 'config-below-fixtures',
      severity: 'error',
      comment: 'Settings and target selection may read the stack\'s addresses (local/stack-settings.ts) and the UI registry (pages/), never fixtures, flows, tools or tests.',
      from: { path: '^config/' },
      to: { path: '^(fixtures|flows|tests|tools)/' },
    },
    {
      name: 'config-reads-only-the-stacks-settings',
      severity: 'error',
      comment:
        'The settings need the stack\'s addresses, never its servers: config/ is loaded by every worker, the doctor and the janitor, against AWS too, ' +
        'and must not load how the stack is built or run. What config/ needs of the stack belongs in local/stack-settings.ts.',
      from: { path: '^config/' },
      to: { path: '^local/', pathNot: '^local/stack-settings\\.ts$' },
    },
    {
      name: 'fixtures-are-for-stories',
      severity: 'error',
      comment: 'fixtures/ gives a story what it needs; it does not reach into the stack, the tools or the tests of the suite itself.',
      from: { path: '^fixtures/' },
      to: { path: '^(local|tests|tools)/' },
    },
    {
      name: 'stories-import-only-fixtures',
      severity: 'error',
      comment: 'A story reads like the user\'s journey: everything it needs comes from fixtures/index.ts.',
      from: { path: '^tests/e2e/' },
      to: { path: '^(?!fixtures/index\\.ts$)(common|config|fixtures|flows|helpers|local|pages|plan|tests|tools)/' },
    },
    {
      name: 'tools-are-not-tests',
      severity: 'error',
      comment: 'The doctor and the janitor are command-line tools: no fixtures, no test code (the bench\'s own Playwright specs may use fixtures).',
      from: { path: '^tools/', pathNot: '^tools/bench/' },
      to: { path: '^(fixtures|tests)/' },
    },
    {
      name: 'nothing-imports-the-tests',
      severity: 'error',
      comment: 'Test code is at the top: nothing below may depend on it.',
      from: { pathNot: '^tests/' },
      to: { path: '^tests/' },
    },
    {
      name: 'unit-tests-load-no-stack-and-no-fixtures',
      severity: 'error',
      comment: 'A unit test loads only what it tests: not the fixtures (which bring a browser and the services), not the stack\'s servers.',
      from: { path: '^tests/unit/' },
      to: { path: '^(fixtures/|tests/self/fixtures/|local/(stack\.ts$|cognito/|mail/|app/))' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|local/app/dist|playwright-report|test-results|blob-report)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
