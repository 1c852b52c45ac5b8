// Ids of places, passages, statuses and stories: lowercase letters, digits and single hyphens.
// They appear in URLs (#place=crimea) and in story text, so one pattern serves every check.
export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
