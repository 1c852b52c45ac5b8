// A passage's words without their marks: for captions, images and plain-text uses; kept apart
// from markdown.ts so a page can use it without the Markdown parser.
import type { Inline } from './schema.ts';

export function plain(inlines: Inline[]): string {
  return inlines
    .map((n) => (n.type === 'emphasis' || n.type === 'strong' ? plain(n.children) : n.text))
    .join('');
}
