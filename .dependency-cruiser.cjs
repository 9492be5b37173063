// The one-way arrows of docs/ARCHITECTURE.md as dependency-cruiser rules: `npm run depcheck` (run by
// `npm test`) fails on an import that points the wrong way. Type-only imports count like any other.
// Layers, lowest first: engine, random, stats < scenario < model < output < experiment < cli.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'foundations-import-nothing-of-ours',
      comment: 'engine/, random/ and stats/ are the ground floor: they may import their own files only.',
      severity: 'error',
      from: { path: '^src/(engine|random|stats)/' },
      to: { path: '^src/', pathNot: '^src/$1/' },
    },
    {
      name: 'model-never-imports-upper-layers',
      comment: 'The model hands back plain data; running experiments, formatting and the CLI sit above it.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/(experiment|output|cli)/' },
    },
    {
      name: 'no-block-imports-another-block',
      comment: 'Blocks hand groups on through the callbacks network.ts gives them, never by importing each other.',
      severity: 'error',
      from: { path: '^src/model/blocks/', pathNot: '^src/model/blocks/bus-route[.]ts$' },
      to: { path: '^src/model/blocks/' },
    },
    {
      name: 'bus-route-imports-only-holding',
      comment: "The one shared resource among blocks: a bus route vacates, reserves and fills both ends' holding.",
      severity: 'error',
      from: { path: '^src/model/blocks/bus-route[.]ts$' },
      to: { path: '^src/model/blocks/', pathNot: '^src/model/blocks/holding[.]ts$' },
    },
    {
      name: 'output-never-imports-cli',
      comment: 'Output formats results; the CLI calls it, not the other way round.',
      severity: 'error',
      from: { path: '^src/output/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'output-never-imports-experiment',
      comment: 'Experiments write their tables through output; output formats plain rows and never runs one.',
      severity: 'error',
      from: { path: '^src/output/' },
      to: { path: '^src/experiment/' },
    },
    {
      name: 'nothing-imports-cli',
      comment: 'The CLI is the top: everything it does is callable from src/index.ts without it.',
      severity: 'error',
      from: { path: '^(src|web/src)/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'src-never-imports-web',
      comment: 'The page runs src/ in the browser; src/ knows nothing of the page.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^web/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycle anywhere in src/ or web/src/.',
      severity: 'error',
      from: { path: '^(src|web/src)/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to no file would hide an arrow from the rules above.',
      severity: 'error',
      from: { path: '^(src|web/src)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // swc parses TypeScript (the typescript package here is version 7, which dependency-cruiser cannot load).
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    moduleSystems: ['es6'],
    // resolve packages the way Node and the bundler do (through package.json "exports")
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default'] },
  },
};
