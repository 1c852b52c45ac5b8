/**
 * A PMTiles v3 archive writer (spec: github.com/protomaps/PMTiles, spec/v3/spec.md). No npm package
 * writes PMTiles; the reading side is the `pmtiles` package the app already uses in the browser.
 * The output is a pure function of the input, so committed archives only change when tiles do.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

/** One tile; `data` is an uncompressed MVT (protobuf) tile, gzipped here. */
export interface TileInput {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface ArchiveOptions {
  minZoom: number;
  maxZoom: number;
  /** [minLon, minLat, maxLon, maxLat] */
  bounds: [number, number, number, number];
  /** [lon, lat, zoom]; the header stores the zoom as a whole number. */
  center: [number, number, number];
  /** JSON metadata; the spec requires `vector_layers` for MVT archives. */
  metadata: Record<string, unknown>;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  /** Tiles this entry covers (consecutive ids, same bytes); 0 marks a leaf directory pointer. */
  runLength: number;
}

const HEADER_BYTES = 127;
/** Readers fetch the first 16 KiB at once, so the header and the whole root must fit in them. */
const ROOT_LIMIT = 16_384 - HEADER_BYTES;
/** zxyToTileId works in doubles and refuses deeper zooms. */
const MAX_ZOOM = 26;
const GZIP = 2;
const MVT = 1;
const LEAF_MIN_ENTRIES = 4096; // the Go writer's starting leaf size
/** Leaf size grows by this factor until the root fits (as the Go writer does). */
const LEAF_GROWTH = 1.2;

/** Builds a whole archive in memory: header, root directory, metadata, leaf directories, tiles. */
export function writePmtiles(tiles: TileInput[], options: ArchiveOptions): Buffer {
  checkOptions(options);
  const sorted = sortByTileId(tiles, options);

  const { entries, chunks, dataLength, contents } = layTiles(sorted);
  const { root, leaves } = buildDirectories(entries);
  const metadata = gzip(Buffer.from(JSON.stringify(options.metadata), 'utf8'));

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadata.length;
  const dataOffset = leafOffset + leaves.length;
  const header = encodeHeader({
    rootOffset,
    rootLength: root.length,
    metadataOffset,
    metadataLength: metadata.length,
    leafOffset,
    leafLength: leaves.length,
    dataOffset,
    dataLength,
    addressed: sorted.length,
    entries: entries.length,
    contents,
    options,
  });
  return Buffer.concat([header, root, metadata, leaves, ...chunks]);
}

function checkOptions({ minZoom, maxZoom, bounds, center, metadata }: ArchiveOptions): void {
  const zoomOk = (z: number): boolean => Number.isInteger(z) && z >= 0 && z <= MAX_ZOOM;
  if (!zoomOk(minZoom) || !zoomOk(maxZoom) || minZoom > maxZoom) {
    throw new Error(
      `PMTiles: zoom range ${minZoom}..${maxZoom} must be whole numbers with 0 <= minZoom <= maxZoom <= ${MAX_ZOOM}`,
    );
  }
  const [west, south, east, north] = bounds;
  if (![west, east].every(isLon) || ![south, north].every(isLat) || south > north) {
    throw new Error(`PMTiles: bounds [${bounds.join(', ')}] are not [west, south, east, north]`);
  }
  const [lon, lat, zoom] = center;
  if (!isLon(lon) || !isLat(lat) || !Number.isInteger(zoom) || zoom < 0 || zoom > 255) {
    throw new Error(`PMTiles: center [${center.join(', ')}] is not [lon, lat, whole zoom]`);
  }
  if (!Array.isArray(metadata.vector_layers)) {
    throw new Error('PMTiles: metadata.vector_layers must be an array (required for MVT archives)');
  }
}

const isLon = (v: number): boolean => Number.isFinite(v) && v >= -180 && v <= 180;
const isLat = (v: number): boolean => Number.isFinite(v) && v >= -90 && v <= 90;

interface IdTile {
  tileId: number;
  tile: TileInput;
}

/** Clustered archives store tiles in Hilbert tile id order; that order also makes runs contiguous. */
function sortByTileId(tiles: TileInput[], { minZoom, maxZoom }: ArchiveOptions): IdTile[] {
  if (tiles.length === 0) throw new Error('PMTiles: no tiles to write (an archive needs one)');
  const withIds = tiles.map((tile) => {
    const { z, x, y } = tile;
    if (!Number.isInteger(z) || z < minZoom || z > maxZoom) {
      throw new Error(`PMTiles: tile ${z}/${x}/${y} is outside zoom ${minZoom}..${maxZoom}`);
    }
    const n = 2 ** z;
    if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= n || y >= n) {
      throw new Error(`PMTiles: tile ${z}/${x}/${y} has x/y outside 0..${n - 1}`);
    }
    return { tileId: zxyToTileId(z, x, y), tile };
  });
  withIds.sort((a, b) => a.tileId - b.tileId);
  for (let i = 1; i < withIds.length; i++) {
    if (withIds[i]!.tileId === withIds[i - 1]!.tileId) {
      const { z, x, y } = withIds[i]!.tile;
      throw new Error(`PMTiles: tile ${z}/${x}/${y} is given twice`);
    }
  }
  return withIds;
}

/**
 * Gzips each distinct tile once and appends it to the data section in tile id order. Repeats
 * (open ocean, solid land) point back at the first copy, and a run of consecutive ids with the
 * same bytes becomes one entry.
 */
function layTiles(sorted: IdTile[]): {
  entries: Entry[];
  chunks: Buffer[];
  dataLength: number;
  contents: number;
} {
  const seen = new Map<string, { offset: number; length: number }>();
  const entries: Entry[] = [];
  const chunks: Buffer[] = [];
  let dataLength = 0;
  for (const { tileId, tile } of sorted) {
    // Hashing the raw bytes skips gzipping repeats; gzip is deterministic, so it is equivalent
    // to hashing the compressed bytes.
    const key = createHash('sha1').update(tile.data).digest('hex');
    let blob = seen.get(key);
    if (!blob) {
      const bytes = gzip(tile.data);
      blob = { offset: dataLength, length: bytes.length };
      seen.set(key, blob);
      chunks.push(bytes);
      dataLength += bytes.length;
    }
    const last = entries.at(-1);
    if (last && last.offset === blob.offset && last.tileId + last.runLength === tileId) {
      last.runLength++;
    } else {
      entries.push({ tileId, offset: blob.offset, length: blob.length, runLength: 1 });
    }
  }
  return { entries, chunks, dataLength, contents: seen.size };
}

/**
 * Everything in the root if it fits; otherwise the root points at leaf directories of `size`
 * entries each, with `size` growing until the root fits. One leaf level is enough: a 16 KiB root
 * holds thousands of leaf pointers of 4096+ entries.
 */
function buildDirectories(entries: Entry[]): { root: Buffer; leaves: Buffer } {
  const whole = encodeDirectory(entries);
  if (whole.length <= ROOT_LIMIT) return { root: whole, leaves: Buffer.alloc(0) };
  for (let size = LEAF_MIN_ENTRIES; ; size = Math.ceil(size * LEAF_GROWTH)) {
    const pointers: Entry[] = [];
    const leaves: Buffer[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += size) {
      const leaf = encodeDirectory(entries.slice(i, i + size));
      pointers.push({ tileId: entries[i]!.tileId, offset, length: leaf.length, runLength: 0 });
      leaves.push(leaf);
      offset += leaf.length;
    }
    const root = encodeDirectory(pointers);
    // Ends at the latest when one leaf holds everything and the root has a single pointer.
    if (root.length <= ROOT_LIMIT) return { root, leaves: Buffer.concat(leaves) };
  }
}

/** Spec 4.2: count, then delta ids, run lengths, lengths, offsets (0 = right after the previous). */
function encodeDirectory(entries: Entry[]): Buffer {
  const out: number[] = [];
  pushVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    pushVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) pushVarint(out, e.runLength);
  for (const e of entries) pushVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    pushVarint(out, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return gzip(Uint8Array.from(out));
}

/** Unsigned LEB128; division rather than bit shifts because tile ids pass 2^32 from zoom 16. */
function pushVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/**
 * Node's gzip header has mtime 0, so equal input gives equal bytes. The OS byte is pinned to
 * Unix (3) because zlib writes another value on Windows.
 */
function gzip(data: Uint8Array): Buffer {
  const out = gzipSync(data, { level: 9 });
  out[9] = 3;
  return out;
}

interface HeaderFields {
  rootOffset: number;
  rootLength: number;
  metadataOffset: number;
  metadataLength: number;
  leafOffset: number;
  leafLength: number;
  dataOffset: number;
  dataLength: number;
  addressed: number;
  entries: number;
  contents: number;
  options: ArchiveOptions;
}

/** Spec 3: the fixed 127-byte little-endian header. */
function encodeHeader(h: HeaderFields): Buffer {
  const buf = Buffer.alloc(HEADER_BYTES);
  buf.write('PMTiles', 0, 'ascii');
  buf[7] = 3; // spec version
  const u64 = [
    h.rootOffset,
    h.rootLength,
    h.metadataOffset,
    h.metadataLength,
    h.leafOffset,
    h.leafLength,
    h.dataOffset,
    h.dataLength,
    h.addressed,
    h.entries,
    h.contents,
  ];
  u64.forEach((v, i) => buf.writeBigUInt64LE(BigInt(v), 8 + 8 * i));
  buf[96] = 1; // clustered: tile data in tile id order
  buf[97] = GZIP; // internal compression (directories, metadata)
  buf[98] = GZIP; // tile compression
  buf[99] = MVT;
  const { minZoom, maxZoom, bounds, center } = h.options;
  buf[100] = minZoom;
  buf[101] = maxZoom;
  bounds.forEach((v, i) => buf.writeInt32LE(e7(v), 102 + 4 * i));
  buf[118] = center[2];
  buf.writeInt32LE(e7(center[0]), 119);
  buf.writeInt32LE(e7(center[1]), 123);
  return buf;
}

/** Positions are degrees × 10^7 as int32; ±180° still fits. */
const e7 = (deg: number): number => Math.round(deg * 1e7);
