// Ids of places, passages, statuses and stories: lowercase letters, digits and single hyphens.
// They appear in URLs (#place=crimea) and in story text, so one pattern serves every check.
export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Text as an id of that form, for suggestions: "Côte d'Ivoire" → "cote-d-ivoire". */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
