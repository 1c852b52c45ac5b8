// The article's text face: Source Serif 4 (Adobe, SIL Open Font License 1.1), a serif drawn for
// reading on screens, self-hosted from @fontsource: no font is fetched from another host. Its CSS
// is fontsource's own, served as `virtual:typeface.css` (vite.config.ts) with two changes:
// `font-display: optional`, so a face that has not arrived by first paint is not swapped in
// later and the text never moves (CLS 0), and WOFF2 only. The build preloads the first view's
// files (scripts/build.ts), so it arrives by then on any ordinary connection.

export const TEXT_FACE = {
  package: '@fontsource/source-serif-4',
  /** fontsource's CSS files for the styles the article sets; each covers every script subset,
   * and the browser fetches a subset only for the characters a page uses (unicode-range). */
  styles: ['400.css', '400-italic.css', '700.css'],
  /** The file the first view's text needs: Latin, regular (the title is set in the UI's face). */
  preload: ['latin-400-normal'],
  stack: "'Source Serif 4', Georgia, 'Times New Roman', serif",
} as const;

/** The face's licence, written by the build into `assets/` beside its files. */
export const TEXT_FACE_LICENCE = 'source-serif-4-LICENSE.txt';

/** The CSS of `TEXT_FACE`: each of its fontsource files as `read` returns it (a path inside the
 * package), adjusted as above with its url()s made package paths, and `--text-face`. */
export function typefaceCss(read: (file: string) => string): string {
  const faces = TEXT_FACE.styles.map((file) =>
    read(file)
      .replaceAll('font-display: swap', 'font-display: optional')
      .replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, '')
      .replaceAll('url(./files/', `url(${TEXT_FACE.package}/files/`),
  );
  return `${faces.join('\n')}\n:root {\n  --text-face: ${TEXT_FACE.stack};\n}\n`;
}

/** The preloaded files' names as Vite emits them (`<name>-<hash>.woff2`). */
export const isPreloadedFace = (asset: string) =>
  TEXT_FACE.preload.some((name) =>
    new RegExp(`^${TEXT_FACE.package.split('/')[1]}-${name}-[\\w-]+\\.woff2$`).test(asset),
  );

/** The face of the map's labels and the view images (Noto Sans, SIL OFL 1.1, from @fontsource):
 * the page embeds it into an image it draws of the view on screen, so the PNG a reader downloads
 * sets its text as the build's images do (those use the same face as TrueType, which resvg
 * reads). */
export const IMAGE_FACE = {
  package: '@fontsource/noto-sans',
  styles: ['400.css', '700.css'],
  /** Its licence, written by the build into `assets/` beside its files. */
  licence: 'noto-sans-LICENSE.txt',
} as const;

/** One file of a face: its weight, the characters it covers (CSS `unicode-range`) and where it
 * is (a package path in the module below; a URL once Vite has emitted it). */
export interface FaceFile {
  weight: number;
  range: string;
  url: string;
}

/** The files of IMAGE_FACE's CSS (as `read` returns each), WOFF2 only. */
export function faceFiles(read: (file: string) => string): FaceFile[] {
  return IMAGE_FACE.styles.flatMap((style) =>
    [...read(style).matchAll(/@font-face\s*{([^}]*)}/g)].map(([, block]) => {
      const field = (name: string) => new RegExp(`${name}:\\s*([^;]+);`).exec(block!)?.[1];
      const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block!)?.[1];
      const [weight, range] = [field('font-weight'), field('unicode-range')];
      if (!file || !weight || !range)
        throw new Error(
          `${IMAGE_FACE.package}/${style}: a face without a WOFF2 file, weight or range`,
        );
      return { weight: Number(weight), range, url: `${IMAGE_FACE.package}/${file}` };
    }),
  );
}

/** `virtual:image-faces`: FaceFile[] with each file imported by URL, so Vite emits it as an
 * asset and a page fetches only the files an image's text needs. */
export function faceModule(read: (file: string) => string): string {
  const files = faceFiles(read);
  return [
    ...files.map((f, i) => `import f${i} from ${JSON.stringify(`${f.url}?url`)};`),
    `export default [${files.map((f, i) => `{ weight: ${f.weight}, range: ${JSON.stringify(f.range)}, url: f${i} }`).join(', ')}];`,
  ].join('\n');
}

/** Whether a character is in a CSS `unicode-range` (`U+0000-00FF,U+0131,U+02??`). */
export function inRange(range: string, codePoint: number): boolean {
  return range.split(',').some((part) => {
    const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-');
    const lo = parseInt(from.replaceAll('?', '0'), 16);
    const hi = parseInt(to.replace(/^U\+/i, '').replaceAll('?', 'F'), 16);
    return codePoint >= lo && codePoint <= hi;
  });
}
