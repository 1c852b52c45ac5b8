// The page's Content-Security-Policy (scripts/csp.ts): one origin more in connect-src for a
// basemap archive on another host, and nothing else changes.
import { describe, expect, it } from 'vitest';
import { CSP_HEADER, CSP_META, cspHeader, cspMeta } from '../../../scripts/csp.ts';

const directives = (policy: string) =>
  new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.slice(d.indexOf(' ') + 1)]));
const metaPolicy = (meta: string) => /content="([^"]+)"/.exec(meta)![1]!;

describe('the CSP with a basemap archive elsewhere', () => {
  it('is the default policy when the archive is on the site', () => {
    expect(cspHeader()).toBe(CSP_HEADER);
    expect(cspHeader(undefined)).toBe(CSP_HEADER);
    expect(cspMeta()).toBe(CSP_META);
    expect(directives(CSP_HEADER).get('connect-src')).toBe("'self'");
  });

  it('lets the page connect to the archive’s origin, and only that changes', () => {
    const origin = 'https://tiles.example.org';
    const header = directives(cspHeader(origin));
    const base = directives(CSP_HEADER);
    expect(header.get('connect-src')).toBe(`'self' ${origin}`);
    expect([...header.keys()]).toEqual([...base.keys()]);
    for (const [k, v] of base) if (k !== 'connect-src') expect(header.get(k), k).toBe(v);
    // The <meta> fallback says the same, still without frame-ancestors.
    const meta = directives(metaPolicy(cspMeta(origin)));
    expect(meta.get('connect-src')).toBe(`'self' ${origin}`);
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(metaPolicy(cspMeta(origin))).toBe(cspHeader(origin).replace('; frame-ancestors *', ''));
  });
});
