// Deep links: `#passage=<id>` or `#place=<id>`. Anything else — unknown ids, junk, huge or hostile
// values — is ignored, so a bad link falls back to the default view and never reaches the page.
import { KEBAB } from '../lib/ids.ts';

export type DeepLink = { passage: string } | { place: string } | Record<string, never>;

const MAX_HASH = 200;

export function parseDeepLink(
  hash: string,
  known: { passages: ReadonlySet<string>; places: ReadonlySet<string> },
): DeepLink {
  if (hash.length > MAX_HASH) return {};
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(hash.replace(/^#/, ''));
  } catch {
    return {};
  }
  const passage = params.get('passage');
  if (passage && KEBAB.test(passage) && known.passages.has(passage)) return { passage };
  const place = params.get('place');
  if (place && KEBAB.test(place) && known.places.has(place)) return { place };
  return {};
}

export function formatDeepLink(link: DeepLink): string {
  if ('passage' in link) return `#passage=${link.passage}`;
  if ('place' in link) return `#place=${link.place}`;
  return '';
}
