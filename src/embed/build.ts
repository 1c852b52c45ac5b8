// Build-time pieces of the embed (used by scripts/build.ts): the host script dist/embed.js, the
// oEmbed file per story and its discovery link. URLs are absolute when the build knows where the
// site will live (`PUBLIC_URL=https://maps.example.org/ npm run build`), relative otherwise.
import { join } from 'node:path';
import { build } from 'vite';
import { escapeAttr } from '../lib/escape.ts';
import { imagePath, VIEW_IMAGE_SIZE } from '../lib/viewImages.ts';
import { EMBED_SIZE, iframeSnippet } from './snippets.ts';

/** The site's public URL from `PUBLIC_URL`, with a trailing slash; undefined when unset. */
export function publicUrl(value = process.env.PUBLIC_URL): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL=${value} is not a URL (e.g. https://maps.example.org/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`PUBLIC_URL=${value} must be an http(s) URL`);
  }
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** dist/embed.js: one classic script (newsrooms paste `<script src async>`), no module loader. */
export async function buildHostScript(root: string, outDir: string) {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2020',
      minify: true,
      lib: {
        entry: join(root, 'src/embed/host.ts'),
        formats: ['iife'],
        name: 'mapExplainerEmbed',
        fileName: () => 'embed.js',
      },
    },
  });
}

/** The oEmbed (type rich) of a story; its iframe is absolute only when the public URL is known. */
export function oembedJson(story: { slug: string; title: string }, base = publicUrl()): string {
  // Relative, a consumer resolves `embed.html` against where it found this file.
  const src = base ? `${base}${story.slug}/embed.html` : 'embed.html';
  return JSON.stringify(
    {
      version: '1.0',
      type: 'rich',
      title: story.title,
      provider_name: 'Map explainer',
      ...(base ? { provider_url: base } : {}),
      width: EMBED_SIZE.width,
      height: EMBED_SIZE.height,
      html: iframeSnippet(src, `Map: ${story.title}`),
    },
    null,
    2,
  );
}

/** oEmbed discovery for the story's page head; none without a public URL (it must be absolute). */
export function oembedLink(story: { slug: string; title: string }, base = publicUrl()): string {
  if (!base) return '';
  const href = `${base}${story.slug}/oembed.json`;
  return `<link rel="alternate" type="application/json+oembed" href="${escapeAttr(href)}" title="${escapeAttr(story.title)}" />`;
}

/** Link previews for the story's page head: Open Graph and X's large card, with the first view's
 * image. Crawlers need absolute URLs (a relative og:image is invalid), so without a public URL
 * only the title, description and type are given. */
export function previewMeta(
  story: { slug: string; title: string; dek?: string | undefined },
  base = publicUrl(),
): string {
  const meta = (key: 'property' | 'name', name: string, content: string | number) =>
    `<meta ${key}="${name}" content="${escapeAttr(String(content))}" />`;
  const tags = [
    meta('property', 'og:type', 'article'),
    meta('property', 'og:title', story.title),
    ...(story.dek ? [meta('property', 'og:description', story.dek)] : []),
  ];
  if (base) {
    const image = `${base}${imagePath(story.slug)}`;
    const alt = `Map: ${story.title}, the opening view, with its legend`;
    tags.push(
      meta('property', 'og:url', `${base}${story.slug}/`),
      meta('property', 'og:image', image),
      meta('property', 'og:image:type', 'image/png'),
      meta('property', 'og:image:width', VIEW_IMAGE_SIZE.width),
      meta('property', 'og:image:height', VIEW_IMAGE_SIZE.height),
      meta('property', 'og:image:alt', alt),
      meta('name', 'twitter:card', 'summary_large_image'),
      meta('name', 'twitter:image', image),
      meta('name', 'twitter:image:alt', alt),
    );
  }
  return tags.join('\n');
}
