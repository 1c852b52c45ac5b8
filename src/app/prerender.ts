// Build-time entry (Vite SSR build): renders a story page to HTML with Svelte's server renderer.
import { render } from 'svelte/server';
import App from './App.svelte';
import type { PageData } from '../state/page.ts';

export function renderPage(page: PageData): { head: string; body: string } {
  const { head, body } = render(App, { props: { page } });
  return { head, body };
}
