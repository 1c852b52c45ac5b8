// Which basemap the build points the live map at (`BASEMAP_URL`, read by scripts/build.ts): the
// bundled world tiles by default, or a newsroom's own Protomaps OSM extract, e.g.
// `BASEMAP_URL=https://tiles.example.org/planet.pmtiles npm run build`. The static map draws the
// world tiles either way.
import { BASEMAP_ARCHIVE, type BasemapSchema } from '../../catalogue/basemap.ts';

export interface BasemapSetting {
  schema: BasemapSchema;
  /** An absolute http(s) URL, a path from the host's root (`/…`), or a path from the site's
   * root (`tiles/…`). */
  archive: string;
  /** Where the archive is, when it is an absolute URL: the CSP's connect-src needs it unless it
   * is the site's own origin. */
  origin?: string;
}

export const WORLD_BASEMAP: BasemapSetting = { schema: 'world', archive: BASEMAP_ARCHIVE };

const EXAMPLE = 'e.g. https://tiles.example.org/planet.pmtiles or tiles/osm.pmtiles';
/** Path segments a static host serves as they are: no `.`/`..`, no scheme, no backslash. */
const SEGMENT = /^[A-Za-z0-9_~%-][A-Za-z0-9._~%-]*$/;

/** The setting from `BASEMAP_URL`; the bundled world tiles when it is unset or empty. */
export function basemapSetting(value = process.env.BASEMAP_URL): BasemapSetting {
  if (!value) return WORLD_BASEMAP;
  const bad = (why: string) => new Error(`BASEMAP_URL=${value} ${why} (${EXAMPLE})`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw bad('is not a URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw bad('must be an http(s) URL');
    if (url.username || url.password) throw bad('must not carry credentials');
    if (!url.pathname.endsWith('.pmtiles')) throw bad('must end in .pmtiles');
    url.hash = '';
    return { schema: 'protomaps', archive: url.href, origin: url.origin };
  }
  const path = value.startsWith('/') ? value.slice(1) : value;
  if (!path.split('/').every((s) => SEGMENT.test(s)))
    throw bad('must be an http(s) URL or a plain path on this site');
  if (!path.endsWith('.pmtiles')) throw bad('must end in .pmtiles');
  return { schema: 'protomaps', archive: value };
}

/** The archive as a page `prefix` (its folder, relative to the site root) reaches it. */
export function archiveFromPage(setting: BasemapSetting, prefix: string): string {
  if (setting.origin || setting.archive.startsWith('/')) return setting.archive;
  return `${prefix}../${setting.archive}`;
}

/** The origin the CSP must let the page connect to, if the archive is on another one than the
 * site's (`PUBLIC_URL`, when known). */
export function foreignOrigin(setting: BasemapSetting, site?: string): string | undefined {
  if (!setting.origin) return undefined;
  return site && new URL(site).origin === setting.origin ? undefined : setting.origin;
}
