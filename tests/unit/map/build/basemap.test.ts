// BASEMAP_URL: which archive the live map reads, as the build takes it (scripts/build.ts).
import { describe, expect, it } from 'vitest';
import {
  archiveFromPage,
  basemapSetting,
  foreignOrigin,
  WORLD_BASEMAP,
} from '../../../../src/map/build/basemap.ts';

describe('BASEMAP_URL', () => {
  it('leaves the bundled world tiles in place when unset or empty', () => {
    expect(basemapSetting(undefined)).toEqual(WORLD_BASEMAP);
    expect(basemapSetting('')).toEqual({ schema: 'world', archive: 'tiles/world.pmtiles' });
  });

  it('takes an http(s) URL of a .pmtiles archive, without its fragment', () => {
    expect(basemapSetting('https://tiles.example.org/osm/planet.pmtiles#x')).toEqual({
      schema: 'protomaps',
      archive: 'https://tiles.example.org/osm/planet.pmtiles',
      origin: 'https://tiles.example.org',
    });
    // A signed URL keeps its query.
    expect(basemapSetting('http://localhost:8080/a.pmtiles?sig=1').archive).toBe(
      'http://localhost:8080/a.pmtiles?sig=1',
    );
  });

  it('takes a path on the site, from its root or from the host’s', () => {
    expect(basemapSetting('tiles/osm.pmtiles')).toEqual({
      schema: 'protomaps',
      archive: 'tiles/osm.pmtiles',
    });
    expect(basemapSetting('/maps/osm-2026_01.pmtiles').archive).toBe('/maps/osm-2026_01.pmtiles');
  });

  it('refuses anything else with one line naming the value and an example', () => {
    const refused = (value: string, why: RegExp) => {
      expect(() => basemapSetting(value), value).toThrow(why);
      expect(() => basemapSetting(value), value).toThrow(
        new RegExp(
          `^BASEMAP_URL=${value.replace(/[.?*+^$()[\]\\|{}]/g, '\\$&')} .*e\\.g\\. https://`,
        ),
      );
    };
    refused('ftp://tiles.example.org/planet.pmtiles', /must be an http\(s\) URL/);
    refused('javascript:alert(1)//.pmtiles', /must be an http\(s\) URL/);
    refused('https://tiles.example.org/planet.mbtiles', /must end in \.pmtiles/);
    refused('https://tiles.example.org/', /must end in \.pmtiles/);
    refused('https://user:pw@tiles.example.org/a.pmtiles', /credentials/);
    refused('https://', /not a URL/);
    refused('//tiles.example.org/planet.pmtiles', /plain path/);
    refused('../elsewhere/planet.pmtiles', /plain path/);
    refused('tiles/./a.pmtiles', /plain path/);
    refused('tiles\\a.pmtiles', /plain path/);
    refused('tiles/a b.pmtiles', /plain path/);
    refused('tiles/planet.json', /must end in \.pmtiles/);
    // One line: nothing the host's log could split.
    expect(() => basemapSetting('tiles/a\nb.pmtiles')).toThrow(/plain path/);
  });

  it('points each page at the archive: through the site root for a site path', () => {
    const site = basemapSetting('tiles/osm.pmtiles');
    expect(archiveFromPage(site, '')).toBe('../tiles/osm.pmtiles');
    expect(archiveFromPage(site, 'black-sea/')).toBe('black-sea/../tiles/osm.pmtiles');
    expect(archiveFromPage(WORLD_BASEMAP, '')).toBe('../tiles/world.pmtiles');
    expect(archiveFromPage(basemapSetting('/osm.pmtiles'), 'x/')).toBe('/osm.pmtiles');
    const remote = basemapSetting('https://tiles.example.org/planet.pmtiles');
    expect(archiveFromPage(remote, 'x/')).toBe('https://tiles.example.org/planet.pmtiles');
  });

  it('names the origin the CSP must allow only when it is another one than the site’s', () => {
    const remote = basemapSetting('https://tiles.example.org/planet.pmtiles');
    expect(foreignOrigin(remote)).toBe('https://tiles.example.org');
    expect(foreignOrigin(remote, 'https://maps.example.org/news/')).toBe(
      'https://tiles.example.org',
    );
    expect(foreignOrigin(remote, 'https://tiles.example.org/site/')).toBeUndefined();
    expect(foreignOrigin(basemapSetting('tiles/osm.pmtiles'))).toBeUndefined();
    expect(foreignOrigin(WORLD_BASEMAP, 'https://maps.example.org/')).toBeUndefined();
  });
});
