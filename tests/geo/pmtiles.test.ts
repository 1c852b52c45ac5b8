import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader, PbfWriter } from 'pbf';
import { Compression, PMTiles, ResolvedValueCache, TileType, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { writePmtiles, type ArchiveOptions, type TileInput } from '../../geo/lib/tiles/pmtiles.ts';

// Archives are written in memory and read back with the `pmtiles` package, the browser's reader:
// whatever it can read, the map can.

/** The reader's view of an archive in memory. */
class BufferSource implements Source {
  constructor(private readonly bytes: Buffer) {}
  getKey(): string {
    return 'memory';
  }
  async getBytes(offset: number, length: number): Promise<{ data: ArrayBuffer }> {
    // A copy: a Buffer can be a view into a larger shared ArrayBuffer.
    return { data: new Uint8Array(this.bytes.subarray(offset, offset + length)).buffer };
  }
}

const OPTIONS: ArchiveOptions = {
  minZoom: 0,
  maxZoom: 4,
  bounds: [-31.5, 29.7, 45.25, 71.3],
  center: [9.1, 48.77, 3],
  metadata: {
    name: 'test',
    attribution: '© test',
    vector_layers: [{ id: 'places', fields: { name: 'String' } }],
  },
};

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A real MVT: one point feature in layer `places`, written by hand per the vector tile spec. */
function pointTile(name: string, x: number, y: number): Uint8Array {
  const zigzag = (n: number): number => (n << 1) ^ (n >> 31);
  const pbf = new PbfWriter();
  pbf.writeMessage(
    3, // layer
    (_: null, layer: PbfWriter) => {
      layer.writeVarintField(15, 2); // version
      layer.writeStringField(1, 'places');
      layer.writeMessage(
        2, // feature
        (__: null, f: PbfWriter) => {
          f.writeVarintField(1, 1); // id
          f.writePackedVarint(2, [0, 0]); // tags: keys[0] = values[0]
          f.writeVarintField(3, 1); // POINT
          f.writePackedVarint(4, [(1 << 3) | 1, zigzag(x), zigzag(y)]); // MoveTo once
        },
        null,
      );
      layer.writeStringField(3, 'name'); // keys[0]
      layer.writeMessage(4, (__: null, v: PbfWriter) => v.writeStringField(1, name), null);
      layer.writeVarintField(5, 4096); // extent
    },
    null,
  );
  return pbf.finish();
}

async function tileBytes(reader: PMTiles, z: number, x: number, y: number) {
  const r = await reader.getZxy(z, x, y);
  return r && new Uint8Array(r.data);
}

/** Tiles whose bytes do not come back exactly, as z/x/y. */
async function mismatches(reader: PMTiles, tiles: TileInput[]): Promise<string[]> {
  const bad: string[] = [];
  for (const t of tiles) {
    const got = await tileBytes(reader, t.z, t.x, t.y);
    if (!got || !Buffer.from(got).equals(t.data)) bad.push(`${t.z}/${t.x}/${t.y}`);
  }
  return bad;
}

/** A deterministic generator, so the big case has the same varied contents on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('writePmtiles: a small archive', () => {
  const sea = bytes('sea');
  const tiles: TileInput[] = [
    { z: 0, x: 0, y: 0, data: pointTile('Lisbon', 2048, 1024) },
    { z: 1, x: 0, y: 0, data: sea },
    { z: 1, x: 0, y: 1, data: sea }, // tile ids 1, 2: one run
    { z: 1, x: 1, y: 1, data: bytes('land') },
    { z: 1, x: 1, y: 0, data: sea }, // same bytes after other bytes: a second entry, one blob
    { z: 4, x: 8, y: 5, data: new Uint8Array(0) }, // an empty MVT is a valid tile
  ];
  const archive = writePmtiles(tiles, OPTIONS);
  const reader = new PMTiles(new BufferSource(archive));

  it('has the header fields it was given', async () => {
    const h = await reader.getHeader();
    expect(archive.subarray(0, 7).toString('ascii')).toBe('PMTiles');
    expect(h).toMatchObject({
      specVersion: 3,
      rootDirectoryOffset: 127,
      leafDirectoryLength: 0,
      minZoom: 0,
      maxZoom: 4,
      minLon: -31.5,
      minLat: 29.7,
      maxLon: 45.25,
      maxLat: 71.3,
      centerLon: 9.1,
      centerLat: 48.77,
      centerZoom: 3,
      tileType: TileType.Mvt,
      tileCompression: Compression.Gzip,
      internalCompression: Compression.Gzip,
      clustered: true,
      numAddressedTiles: 6,
      numTileEntries: 5, // 1/0/0 and 1/0/1 share a run
      numTileContents: 4, // sea is stored once
    });
    // Sections follow each other in the documented order and the tile data ends the file.
    expect(h.jsonMetadataOffset).toBe(h.rootDirectoryOffset + h.rootDirectoryLength);
    expect(h.leafDirectoryOffset).toBe(h.jsonMetadataOffset + h.jsonMetadataLength);
    expect(h.tileDataOffset).toBe(h.leafDirectoryOffset + (h.leafDirectoryLength ?? 0));
    expect(h.tileDataOffset + (h.tileDataLength ?? 0)).toBe(archive.length);
  });

  it('has the metadata it was given', async () => {
    expect(await reader.getMetadata()).toEqual(OPTIONS.metadata);
  });

  it('returns every tile byte for byte, and nothing for tiles not written', async () => {
    expect(await mismatches(reader, tiles)).toEqual([]);
    expect(await tileBytes(reader, 2, 0, 0)).toBeUndefined();
    expect(await tileBytes(reader, 4, 8, 6)).toBeUndefined();
    expect(await tileBytes(reader, 4, 15, 15)).toBeUndefined(); // past the last id
  });

  it('keeps a real MVT readable', async () => {
    const got = await tileBytes(reader, 0, 0, 0);
    const layer = new VectorTile(new PbfReader(got!)).layers['places']!;
    expect(layer.length).toBe(1);
    expect(layer.feature(0).properties).toEqual({ name: 'Lisbon' });
    const rings = layer.feature(0).loadGeometry();
    expect(rings.map((r) => r.map((p) => [p.x, p.y]))).toEqual([[[2048, 1024]]]);
  });

  it('writes the same bytes for the same input, with no gzip timestamps', async () => {
    expect(writePmtiles(tiles, OPTIONS).equals(archive)).toBe(true);
    // Order of the input does not matter: tiles are sorted by tile id.
    expect(writePmtiles([...tiles].reverse(), OPTIONS).equals(archive)).toBe(true);
    const h = await reader.getHeader();
    for (const at of [h.rootDirectoryOffset, h.jsonMetadataOffset, h.tileDataOffset]) {
      expect([...archive.subarray(at, at + 3)]).toEqual([0x1f, 0x8b, 8]); // a gzip member
      expect(archive.readUInt32LE(at + 4)).toBe(0); // MTIME unset
      expect(archive[at + 9]).toBe(3); // OS pinned
    }
  });
});

it('writePmtiles: tile ids past 2^32 (zoom 16 and deeper) read back', async () => {
  const deep: TileInput[] = [
    { z: 16, x: 33_000, y: 21_000, data: bytes('a') },
    { z: 24, x: 8_000_000, y: 5_000_000, data: bytes('b') },
    { z: 24, x: 16_777_215, y: 16_777_215, data: bytes('c') },
  ];
  const reader = new PMTiles(
    new BufferSource(writePmtiles(deep, { ...OPTIONS, minZoom: 16, maxZoom: 24 })),
  );
  expect(await mismatches(reader, deep)).toEqual([]);
  expect(await tileBytes(reader, 24, 8_000_000, 5_000_001)).toBeUndefined();
});

describe('writePmtiles: an archive that needs leaf directories', () => {
  // Every tile of z0..8 in the north-west quarter of the world: 21,846 tiles. From z5 a strip
  // along the west edge is one repeated "ocean" tile (1,360 of them); the rest have their own bytes of varied length, as
  // real tiles do, which keeps the directory from compressing into 16 KiB.
  const tiles: TileInput[] = [];
  const ocean = bytes('ocean');
  for (let z = 0; z <= 8; z++) {
    const half = Math.max(1, 2 ** (z - 1));
    for (let x = 0; x < half; x++) {
      for (let y = 0; y < half; y++) {
        if (z >= 5 && x < 2 ** (z - 5)) {
          tiles.push({ z, x, y, data: ocean });
          continue;
        }
        const random = mulberry32(z * 1_000_003 + x * 1009 + y);
        const data = new Uint8Array(20 + Math.floor(random() * 400));
        for (let i = 0; i < data.length; i++) data[i] = Math.floor(random() * 256);
        tiles.push({ z, x, y, data });
      }
    }
  }
  const options = { ...OPTIONS, maxZoom: 8, bounds: [-180, 0, 0, 85.0511] } as ArchiveOptions;
  const archive = writePmtiles(tiles, options);
  const cache = new ResolvedValueCache();
  const source = new BufferSource(archive);
  // zlib instead of the reader's default DecompressionStream, which takes seconds for 20k tiles.
  const gunzip = async (buf: ArrayBuffer, c: Compression): Promise<ArrayBuffer> => {
    if (c !== Compression.Gzip) throw new Error(`unexpected compression ${c}`);
    return new Uint8Array(gunzipSync(buf)).buffer;
  };
  const reader = new PMTiles(source, cache, gunzip);

  it('keeps the root directory within the first 16 KiB and points it at leaves', async () => {
    const h = await reader.getHeader();
    expect(h.numAddressedTiles).toBe(21_846);
    expect(h.numTileEntries).toBeGreaterThan(20_000);
    expect(h.numTileEntries).toBeLessThan(h.numAddressedTiles); // ocean runs merged
    expect(h.numTileContents).toBe(h.numAddressedTiles - 1_360 + 1); // ocean stored once
    expect(h.leafDirectoryLength).toBeGreaterThan(0);
    expect(h.rootDirectoryOffset + h.rootDirectoryLength).toBeLessThanOrEqual(16_384);
    const root = await cache.getDirectory(source, 127, h.rootDirectoryLength, h);
    expect(root.length).toBeGreaterThan(1);
    expect(root.every((e) => e.runLength === 0)).toBe(true);
  });

  it('returns every tile byte for byte through the leaves', { timeout: 30_000 }, async () => {
    expect(await mismatches(reader, tiles)).toEqual([]);
    expect(await tileBytes(reader, 8, 128, 0)).toBeUndefined(); // east of the region
    expect(await tileBytes(reader, 8, 0, 200)).toBeUndefined(); // south of it
  });
});

describe('writePmtiles: bad input', () => {
  const tile = (z: number, x: number, y: number): TileInput => ({ z, x, y, data: bytes('t') });
  const write =
    (tiles: TileInput[], changes: Partial<ArchiveOptions> = {}) =>
    () =>
      writePmtiles(tiles, { ...OPTIONS, ...changes });

  it('rejects a tile outside the zoom range', () => {
    expect(write([tile(5, 0, 0)])).toThrow('tile 5/0/0 is outside zoom 0..4');
    expect(write([tile(1, 0, 0)], { minZoom: 2 })).toThrow('tile 1/0/0 is outside zoom 2..4');
  });

  it('rejects x/y outside the zoom level', () => {
    expect(write([tile(2, 4, 0)])).toThrow('tile 2/4/0 has x/y outside 0..3');
    expect(write([tile(2, 0, -1)])).toThrow('tile 2/0/-1 has x/y outside 0..3');
    expect(write([tile(2, 0.5, 0)])).toThrow('tile 2/0.5/0 has x/y outside 0..3');
  });

  it('rejects a tile given twice', () => {
    expect(write([tile(3, 1, 2), tile(0, 0, 0), tile(3, 1, 2)])).toThrow(
      'tile 3/1/2 is given twice',
    );
  });

  it('rejects an empty archive', () => {
    expect(write([])).toThrow('no tiles to write');
  });

  it('rejects bad options', () => {
    const t = [tile(0, 0, 0)];
    expect(write(t, { minZoom: 3, maxZoom: 2 })).toThrow('zoom range 3..2');
    expect(write(t, { maxZoom: 27 })).toThrow('zoom range 0..27');
    expect(write(t, { bounds: [-181, 0, 0, 10] })).toThrow('bounds [-181, 0, 0, 10]');
    expect(write(t, { bounds: [0, 10, 1, 0] })).toThrow('bounds [0, 10, 1, 0]');
    expect(write(t, { center: [0, 0, 2.5] })).toThrow('center [0, 0, 2.5]');
    expect(write(t, { metadata: { name: 'x' } })).toThrow('vector_layers');
  });
});
