import { readFileSync } from 'node:fs';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';
import { catalogueCss } from './src/catalogue/css.ts';
import { faceModule, IMAGE_FACE, TEXT_FACE, typefaceCss } from './src/catalogue/typeface.ts';

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

/** `virtual:typeface.css`: the article's self-hosted text face (src/catalogue/typeface.ts). */
function typeface(): Plugin {
  const id = 'virtual:typeface.css';
  const resolved = `\0${id}`;
  const read = (file: string) =>
    readFileSync(new URL(`./node_modules/${TEXT_FACE.package}/${file}`, import.meta.url), 'utf8');
  return {
    name: 'typeface-css',
    resolveId: (source) => (source === id ? resolved : undefined),
    load: (source) => (source === resolved ? typefaceCss(read) : undefined),
  };
}

/** `virtual:image-faces`: the view images' face, file by file (src/catalogue/typeface.ts). */
function imageFaces(): Plugin {
  const id = 'virtual:image-faces';
  const resolved = `\0${id}`;
  const read = (file: string) =>
    readFileSync(new URL(`./node_modules/${IMAGE_FACE.package}/${file}`, import.meta.url), 'utf8');
  return {
    name: 'image-faces',
    resolveId: (source) => (source === id ? resolved : undefined),
    load: (source) => (source === resolved ? faceModule(read) : undefined),
  };
}

// Relative asset URLs: the built site works from any folder of any static host.
export default defineConfig({
  base: './',
  plugins: [catalogue(), typeface(), imageFaces(), svelte()],
  build: {
    target: 'es2022',
    manifest: true,
    rollupOptions: {
      input: { page: 'index.html' },
    },
  },
  preview: { port: 4173 },
});
