// npm run lint: the folders of src/ import downwards only (app → embed → reading → map → state →
// story → catalogue → lib), and no file imports one that imports it back. Build-time map code
// (src/map/build) is for build entries only, never for browser code.
const LAYERS = ['app', 'embed', 'reading', 'map', 'state', 'story', 'catalogue', 'lib'];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: split the shared part into a lower folder.',
      // Inlines.svelte renders itself for nested emphasis: recursion, not a cycle between files.
      from: { path: '^src/', pathNot: '^src/reading/Inlines[.]svelte$' },
      to: { circular: true },
    },
    ...LAYERS.map((layer, i) => ({
      name: `no-upward-from-${layer}`,
      severity: 'error',
      comment: `src/${layer} may import only the folders below it: ${LAYERS.slice(i + 1).join(', ') || 'none'}.`,
      from: { path: `^src/${layer}/` },
      to: { path: `^src/(${LAYERS.slice(0, i).join('|') || '^$'})/` },
    })),
    {
      name: 'build-time-only',
      severity: 'error',
      comment: 'src/map/build is build-time drawing: only scripts/, bench/ and tests import it.',
      from: { path: '^src/', pathNot: '^src/map/build/' },
      to: { path: '^src/map/build/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.svelte'] },
  },
};
