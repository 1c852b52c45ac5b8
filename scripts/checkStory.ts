// npm run check:story -- <story folder or story.md> [more…] [--gazetteer path]
// Prints every problem as path:line:column: message and exits 1, or a one-line summary and 0.
import { DEFAULT_GAZETTEER, formatDiagnostic, loadPlaces, loadStory } from '../src/story/load.ts';

function main(argv: string[]): number {
  const targets: string[] = [];
  let gazetteerPath = DEFAULT_GAZETTEER;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--gazetteer') gazetteerPath = argv[++i] ?? '';
    else if (arg.startsWith('--gazetteer=')) gazetteerPath = arg.slice('--gazetteer='.length);
    else targets.push(arg);
  }
  if (targets.length === 0 || !gazetteerPath) {
    console.error('usage: npm run check:story -- <story folder or story.md> [--gazetteer <path>]');
    return 2;
  }
  // Loaded once so its problems are printed once, whatever the number of stories.
  const gazetteer = loadPlaces(gazetteerPath, { what: 'gazetteer' });
  let failed = false;
  for (const target of targets) {
    const result = loadStory(target, { gazetteer });
    for (const d of result.diagnostics) console.error(formatDiagnostic(d));
    if (result.diagnostics.length > 0 || !result.stats) {
      failed = true;
      continue;
    }
    const { passages, places, mentions } = result.stats;
    console.log(
      `${result.file}: ok (${passages} passages, ${places} places, ${mentions} mentions)`,
    );
  }
  return failed ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // An author should see what went wrong, not a stack trace.
  console.error(`check:story: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
