// Browser entry: read the page data the build wrote into the page, then hydrate the prerendered
// markup (the article and the static map are already on screen before this runs).
import { hydrate } from 'svelte';
import App from './App.svelte';
import { PAGE_DATA_ID, type PageData } from './page.ts';
import './app.css';

const script = document.getElementById(PAGE_DATA_ID);
const target = document.getElementById('app');
if (script?.textContent && target) {
  const page = JSON.parse(script.textContent) as PageData;
  hydrate(App, { target, props: { page } });
}
