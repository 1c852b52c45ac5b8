// Where the build puts each story's images of its views (map/build/images.ts draws them), for the
// page head (og:image), the embed codes, the download links and the print stylesheet.

/** 1200 × 630, the 1.91:1 that link previews (Open Graph, X's large card) show uncropped, so
 * the legend and credits composed into the image's edges survive the preview. */
export const VIEW_IMAGE_SIZE = { width: 1200, height: 630 } as const;

export type ViewImageFormat = 'png' | 'svg';

/** `<slug>/images/view.png` for the story's first view, `<slug>/images/passage-<id>.png` for a
 * passage's; relative to the site root (a story page prefixes nothing but the file's folder). */
export function imagePath(
  slug: string,
  passageId?: string,
  format: ViewImageFormat = 'png',
): string {
  return `${slug}/${imageFile(passageId, format)}`;
}

/** The same file relative to the story's own folder (where its pages are). */
export function imageFile(passageId?: string, format: ViewImageFormat = 'png'): string {
  return `images/${passageId ? `passage-${passageId}` : 'view'}.${format}`;
}
