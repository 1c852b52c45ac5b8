// Builds a fixture set of stories into its own folder, the way `npm run build` does.
import { execFileSync } from 'node:child_process';

export function buildFixtureSite(stories: string, out: string): void {
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/build.ts', '--stories', stories, '--out', out],
    { stdio: 'inherit' },
  );
}
