// The live map's life, as one explicit state: `static` (the build's map only, nothing loaded),
// `loading` (code and data on the way, or drawing for the first time), `live` (drawn and in use),
// `lost` (its WebGL context went away; the static map stands in), `failed` (it could not start or
// restart; the static map stays, with a note or a Retry). Loading, failure and WebGL loss all
// leave a useful map behind.
import type { FeatureCollection } from 'geojson';
import { DataFileError, dataFileName, loadCollection } from './loadFiles.ts';
import type { LiveMap, LiveMapOptions } from './liveMap.ts';
import { BASEMAP_SOURCE, type BasemapSchema } from '../catalogue/basemap.ts';
import type { ProtomapsLayers } from '../catalogue/protomaps.ts';

export type LiveState = 'static' | 'loading' | 'live' | 'lost' | 'failed';

/** How long a lost WebGL context may stay lost before the map starts again on a new canvas. */
export const RECOVERY_MS = 3000;
/** Fresh starts after lost contexts; past this the static map stays for good. */
export const MAX_RESTARTS = 2;

export const NOTE = {
  unavailable:
    'The interactive map could not start here (WebGL is unavailable). This map still works: select a place for its details.',
  lost: 'The interactive map stopped (its graphics context was lost). This map stands in until it recovers.',
  gone: 'The interactive map stopped and could not restart. This map still works: select a place for its details.',
  code: 'The interactive map could not be loaded. The article and the static map still work.',
  data: (file: string) =>
    `The map's data could not be loaded (${file}). The article and the static map still work.`,
};

/** What a start needs; kept once loaded so a retry or a restart fetches nothing twice. The
 * basemap is not here: MapLibre's worker fetches and parses it off the main thread. */
interface Loaded {
  createLiveMap: typeof import('./liveMap.ts').createLiveMap;
  places: FeatureCollection;
  labels: FeatureCollection;
  /** The Protomaps layers' maker, loaded only when the basemap is a Protomaps archive. */
  protomaps?: ProtomapsLayers;
}

/** The lazy MapLibre chunk did not arrive (offline, deploy in between). */
class CodeError extends Error {}

export interface ControllerSetup {
  /** The story's data files, absolute (read in the browser only, at the first start). */
  files: () => { places: string; labels: string; tiles: string; schema: BasemapSchema };
  /** Everything the live map needs but its callbacks, read at each start. */
  options: (
    data: Loaded,
  ) => Omit<LiveMapOptions, 'onBusy' | 'onError' | 'onContextLost' | 'onContextRestored'>;
}

export class LiveMapController {
  state = $state<LiveState>('static');
  /** Busy while loading or while the live map moves or loads tiles (aria-busy). */
  moving = $state(false);
  /** Said over the static map when the live one cannot be used; the reader may dismiss it. */
  note = $state('');
  /** A failure the reader can retry. */
  error = $state('');
  live = $state.raw<LiveMap>();

  private loaded: Loaded | undefined;
  private restarts = 0;
  private recovery: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly setup: ControllerSetup) {}

  get busy(): boolean {
    return this.state === 'loading' || (this.state === 'live' && this.moving);
  }

  private async load(): Promise<Loaded> {
    if (this.loaded) return this.loaded;
    const f = this.setup.files();
    // Code and data in parallel: on a slow link the two downloads overlap.
    const codeError = (e: Error) => {
      throw new CodeError(e.message);
    };
    const [code, [places, labels], protomaps] = await Promise.all([
      import('./liveMap.ts').catch(codeError),
      Promise.all([f.places, f.labels].map((file) => loadCollection(file))),
      f.schema === 'protomaps'
        ? import('../catalogue/protomaps.ts').then((m) => m.protomapsLayers, codeError)
        : undefined,
    ]);
    this.loaded = {
      createLiveMap: code.createLiveMap,
      places: places!,
      labels: labels!,
      ...(protomaps ? { protomaps } : {}),
    };
    return this.loaded;
  }

  /** Starts the live map unless it is loading, live or has given up. */
  async start() {
    if (this.state === 'loading' || this.state === 'live' || this.state === 'lost') return;
    this.state = 'loading';
    this.error = '';
    let data: Loaded;
    try {
      data = await this.load();
    } catch (e) {
      if (e instanceof DataFileError) this.dataFailed(e);
      else {
        console.error(`Map code could not be loaded: ${(e as Error).message}`);
        this.failed('', NOTE.code);
      }
      return;
    }
    if (this.state !== 'loading') return;
    const f = this.setup.files();
    try {
      this.live = data.createLiveMap({
        ...this.setup.options(data),
        onBusy: (busy) => {
          this.moving = busy;
          if (!busy && this.state === 'loading') {
            this.state = 'live';
            this.note = '';
          }
        },
        onError: (message, sourceId) => {
          const file = sourceId === BASEMAP_SOURCE ? f.tiles : '';
          if (file) this.dataFailed(new DataFileError(dataFileName(file), message));
          else console.error(`Map: ${message}`);
        },
        onContextLost: () => {
          this.state = 'lost';
          this.note = NOTE.lost;
          // Browsers usually hand the context back; when one does not, start on a new canvas.
          clearTimeout(this.recovery);
          this.recovery = setTimeout(() => this.restart(), RECOVERY_MS);
        },
        onContextRestored: () => {
          clearTimeout(this.recovery);
          // The static map stays until the restored map has drawn (idle makes it live).
          this.state = 'loading';
        },
      });
    } catch (e) {
      // MapLibre throws GPUInitializationError when no WebGL2 context can be created.
      const gpu = (e as Error).name === 'GPUInitializationError';
      console.warn(
        gpu
          ? 'Map: WebGL2 is unavailable here; showing the static map.'
          : `The interactive map could not start: ${(e as Error).message}`,
      );
      this.failed(NOTE.unavailable);
    }
  }

  retry() {
    this.teardown();
    this.state = 'static';
    this.start();
  }

  destroy() {
    clearTimeout(this.recovery);
    this.teardown();
  }

  private restart() {
    this.teardown();
    if (this.restarts >= MAX_RESTARTS) {
      this.failed(NOTE.gone);
      return;
    }
    this.restarts++;
    this.state = 'static';
    this.start();
  }

  private teardown() {
    this.live?.destroy();
    this.live = undefined;
  }

  private dataFailed(e: DataFileError) {
    console.error(`Map data file ${e.message}`);
    this.failed('', NOTE.data(e.file));
  }

  /** The static map stays: with a note (nothing to retry) or an error (Retry). */
  private failed(note: string, error = '') {
    this.state = 'failed';
    this.note = note;
    this.error = error;
  }
}
