// Text placed into HTML or SVG markup written as strings (embed codes, oEmbed, SVG files).

/** Safe inside a double- or single-quoted attribute and in text. */
export const escapeAttr = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Safe as element text. */
export const escapeText = (text: string): string =>
  text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
