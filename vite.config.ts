import { readFileSync } from 'node:fs';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';
import { catalogueCss } from './src/catalogue/css.ts';
import { faceModule, IMAGE_FACE, TEXT_FACE, typefaceCss } from './src/catalogue/typeface.ts';

/** A module generated at build time, imported as `id`. */
function virtual(name: string, id: string, load: () => string): Plugin {
  const resolved = `\0${id}`;
  return {
    name,
    resolveId: (source) => (source === id ? resolved : undefined),
    load: (source) => (source === resolved ? load() : undefined),
  };
}

/** Reads a file of an installed package. */
const packageFile = (pkg: string) => (file: string) =>
  readFileSync(new URL(`./node_modules/${pkg}/${file}`, import.meta.url), 'utf8');

/** `virtual:catalogue.css`: the palette's custom properties and the static map's look,
 * generated from src/catalogue so no colour or width is written twice. */
const catalogue = () => virtual('catalogue-css', 'virtual:catalogue.css', catalogueCss);

/** `virtual:typeface.css`: the article's self-hosted text face (src/catalogue/typeface.ts). */
const typeface = () =>
  virtual('typeface-css', 'virtual:typeface.css', () =>
    typefaceCss(packageFile(TEXT_FACE.package)),
  );

/** `virtual:image-faces`: the view images' face, file by file (src/catalogue/typeface.ts). */
const imageFaces = () =>
  virtual('image-faces', 'virtual:image-faces', () => faceModule(packageFile(IMAGE_FACE.package)));

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
