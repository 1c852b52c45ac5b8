import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// Relative asset URLs: the built site works from any folder of any static host.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  build: {
    target: 'es2022',
    manifest: true,
    rollupOptions: {
      input: { page: 'index.html' },
    },
  },
  preview: { port: 4173 },
});
