// What the page does once its map has hydrated (main.ts): learn where it runs, follow the URL's
// hash, close the panel on Escape, and (an embed) talk to its host.
import type { PageData } from '../state/page.ts';
import type { Reader } from '../state/reader.svelte.ts';
import type { PageEnv } from './env.svelte.ts';

export function startPage(page: PageData, reader: Reader, env: PageEnv): void {
  env.learn(location.search, window.self !== window.top, matchMedia('(pointer: coarse)').matches);
  const root = document.documentElement;
  if (env.flags.theme !== 'auto') root.dataset.theme = env.flags.theme;
  if (env.flags.transparent) root.dataset.transparent = '';
  const layout = document.querySelector('.layout');
  layout?.classList.toggle('fit', page.mode === 'embed' && env.fit);
  layout?.classList.toggle('plain', env.flags.plain);
  layout?.classList.toggle('still', env.flags.static);

  // A deep link to a passage opens the page at it, so the hash and the scroll agree.
  const onHash = () => {
    if (!reader.applyHash(location.hash) || reader.selection.length > 0) return;
    const target = document.getElementById(`passage-${reader.passageId}`);
    target?.scrollIntoView({ block: 'center' });
  };
  onHash();
  addEventListener('popstate', onHash);
  addEventListener('hashchange', onHash);
  addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && reader.selection.length > 0 && !event.defaultPrevented) {
      reader.close();
    }
  });
  // Only embeds talk to a host page: the story page does not download that code.
  if (page.mode === 'embed') {
    void import('../embed/child.svelte.ts').then(({ connectToHost }) => connectToHost(reader));
  }
}
