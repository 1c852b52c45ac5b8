// Build-time entry (Vite SSR build): renders a story page to HTML with Svelte's server renderer,
// island by island (islands.ts) inside the page's shell (shell.ts).
import { render } from 'svelte/server';
import PageHead from './PageHead.svelte';
import { PageEnv } from './env.svelte.ts';
import { islands } from './islands.ts';
import { pageShell } from './shell.ts';
import type { PageData } from '../state/page.ts';
import { Reader, readerContext } from '../state/reader.svelte.ts';

export function renderPage(page: PageData): { head: string; body: string } {
  const context = readerContext(new Reader(page.story));
  const bodies = new Map(
    islands(page, new PageEnv()).map(({ id, component, props }) => [
      id,
      render(component, { props, context }).body,
    ]),
  );
  const { head } = render(PageHead, { props: { page } });
  return { head, body: pageShell(page, (id) => bodies.get(id) ?? '') };
}
