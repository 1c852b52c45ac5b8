// Browser entry: read the page data the build wrote into the page, then hydrate the prerendered
// islands (islands.ts) one task each, the map first; the article and the static map are on
// screen before this runs, and work as links meanwhile.
import { hydrate } from 'svelte';
import { PageEnv } from './env.svelte.ts';
import { islandElementId, islands } from './islands.ts';
import { startPage } from './start.ts';
import { PAGE_DATA_ID, type PageData } from '../state/page.ts';
import { Reader, readerContext } from '../state/reader.svelte.ts';
import 'virtual:catalogue.css';
import 'virtual:typeface.css';
import './app.css';
import './print.css';

/** Lets the browser paint and take input between start-up's tasks. */
const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A button does nothing until its island hydrates (links work as links): a click on one before
 * then is held, and replayed once the island is live. */
function holdClicks(waiting: Set<Element>) {
  const held: HTMLElement[] = [];
  const onClick = (event: MouseEvent) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button || ![...waiting].some((island) => island.contains(button))) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    held.push(button);
  };
  document.addEventListener('click', onClick, true);
  return (island: Element) => {
    waiting.delete(island);
    if (waiting.size === 0) document.removeEventListener('click', onClick, true);
    for (const button of held.filter((b) => island.contains(b))) {
      held.splice(held.indexOf(button), 1);
      button.click();
    }
  };
}

async function start() {
  // Evaluating this bundle was one task; reading a long story's page data is the next.
  await yieldToMain();
  const script = document.getElementById(PAGE_DATA_ID);
  if (!script?.textContent) throw new Error('the page has no page data');
  const page = JSON.parse(script.textContent) as PageData;
  const reader = new Reader(page.story);
  const context = readerContext(reader);
  const env = new PageEnv(location.search);
  const parts = islands(page, env).map((island) => {
    const target = document.getElementById(islandElementId(island.id));
    if (!target) throw new Error(`the page has no ${island.id} island`);
    return { ...island, target };
  });
  const hydrated = holdClicks(new Set(parts.map((p) => p.target)));
  for (const { id, component, props, target } of parts) {
    await yieldToMain();
    // Measured by anyone profiling start-up (DevTools' timings track).
    performance.mark(`explainer:${id}`);
    hydrate(component, { target, props, context });
    performance.measure(`explainer:hydrate ${id}`, `explainer:${id}`);
    hydrated(target);
    if (id === 'map') startPage(page, reader, env);
  }
}

start().catch((error: unknown) => {
  // A page that cannot start keeps its prerendered article, places list and static map.
  console.error(
    `The explainer could not start (${(error as Error).message}); the article and the static map still work.`,
  );
});
