// Browser entry: read the page data the build wrote into the page, then hydrate the prerendered
// markup (the article and the static map are already on screen before this runs).
import { hydrate } from 'svelte';
import App from './App.svelte';
import { PAGE_DATA_ID, type PageData } from '../state/page.ts';
import 'virtual:catalogue.css';
import 'virtual:typeface.css';
import './app.css';
import './print.css';

const script = document.getElementById(PAGE_DATA_ID);
const target = document.getElementById('app');
try {
  if (!script?.textContent || !target) throw new Error('the page has no page data');
  const page = JSON.parse(script.textContent) as PageData;
  // Measured by anyone profiling start-up (DevTools' timings track): the page's one long task.
  performance.mark('explainer:hydrate-start');
  hydrate(App, { target, props: { page } });
  performance.measure('explainer:hydrate', 'explainer:hydrate-start');
} catch (error) {
  // A page that cannot start keeps its prerendered article, places list and static map.
  console.error(
    `The explainer could not start (${(error as Error).message}); the article and the static map still work.`,
  );
}
