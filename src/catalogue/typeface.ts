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
