import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';
import { catalogueCss } from './src/catalogue/css.ts';

/** `virtual:catalogue.css`: the palette's custom properties and the static map's look,
 * generated from src/catalogue so no colour or width is written twice. */
function catalogue(): Plugin {
  const id = 'virtual:catalogue.css';
  const resolved = `\0${id}`;
  return {
    name: 'catalogue-css',
    resolveId: (source) => (source === id ? resolved : undefined),
    load: (source) => (source === resolved ? catalogueCss() : undefined),
  };
}

// Relative asset URLs: the built site works from any folder of any static host.
export default defineConfig({
  base: './',
  plugins: [catalogue(), svelte()],
  build: {
    target: 'es2022',
    manifest: true,
    rollupOptions: {
      input: { page: 'index.html' },
    },
  },
  preview: { port: 4173 },
});
