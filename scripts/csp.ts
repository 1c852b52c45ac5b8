// The Content-Security-Policy the built site runs under. Nothing is loosened for MapLibre: its
// worker is a same-origin file (setWorkerUrl), styles are a stylesheet plus CSSOM writes (which
// style-src does not govern), and images it makes are blob:/data: URLs. Svelte's scoped styles
// are bundled into the stylesheet, never inlined. tests/browser/security.test.ts enforces the
// header and the <meta> alone and expects zero securitypolicyviolation events.
const DIRECTIVES: [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['img-src', "'self' data: blob:"],
  ['connect-src', "'self'"],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  // Newsrooms frame the map from any domain.
  ['frame-ancestors', '*'],
];

const join = (d: [string, string][]) => d.map(([k, v]) => `${k} ${v}`).join('; ');

/** The directives, with connect-src also allowing `connect` (a basemap archive on another
 * origin, src/map/build/basemap.ts): the one thing the site may fetch from elsewhere. */
const directives = (connect?: string): [string, string][] =>
  connect
    ? DIRECTIVES.map(([k, v]) => [k, k === 'connect-src' ? `${v} ${connect}` : v])
    : DIRECTIVES;

export const cspHeader = (connect?: string): string => join(directives(connect));

// frame-ancestors is ignored (with a console error) inside <meta>, so the fallback leaves it out.
export const cspMeta = (connect?: string): string =>
  `<meta http-equiv="Content-Security-Policy" content="${join(
    directives(connect).filter(([k]) => k !== 'frame-ancestors'),
  )}" />`;

export const CSP_HEADER = cspHeader();
export const CSP_META = cspMeta();

export function headersFile(policy: string): string {
  return [
    '/*',
    `  Content-Security-Policy: ${policy}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}
