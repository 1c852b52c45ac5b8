// Builds a fixture set of stories into its own folder, the way `npm run build` does.
import { execFileSync } from 'node:child_process';

/** `env` adds build settings (BASEMAP_URL, PUBLIC_URL...) to this process's environment. */
export function buildFixtureSite(stories: string, out: string, env: NodeJS.ProcessEnv = {}): void {
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/build.ts', '--stories', stories, '--out', out],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
}
