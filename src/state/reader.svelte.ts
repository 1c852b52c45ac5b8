// What the reader is doing: which passage is active, which places are open in the panel, what the
// map should show. Components read this; only its methods change it, so text, map, list and URL
// can never disagree.
import { getContext } from 'svelte';
import { unionBounds, type Bounds, type LonLat } from '../lib/geometry.ts';
import { mainBounds } from '../story/resolve.ts';
import type {
  Camera,
  Projection,
  ResolvedPassage,
  ResolvedPlace,
  StoryData,
} from '../story/schema.ts';
import { formatDeepLink, parseDeepLink, type DeepLink } from './deepLink.ts';

export interface MapRequest {
  camera: Camera;
  projection: Projection;
  /** Increments on every request so asking twice for the same view moves the map back to it. */
  seq: number;
}

const KEY = Symbol('reader');

export class Reader {
  readonly passageIds: ReadonlySet<string>;
  readonly placeIds: ReadonlySet<string>;

  passageId = $state<string | undefined>();
  /** Places shown in the context panel; empty means the panel is closed. */
  selection = $state<string[]>([]);
  /** Legend categories (status ids or kinds) the reader switched off. */
  hidden = $state<string[]>([]);
  announcement = $state('');
  request = $state.raw<MapRequest>();
  /** What the live map shows now; the legend lists the categories in it. */
  viewBounds = $state.raw<Bounds>();
  /** The live map's centre and zoom now (undefined until it has moved): an image of the view on
   * screen draws this camera. */
  viewCamera = $state.raw<{ center: LonLat; zoom: number }>();

  /** True when the panel opened from a reader's action, so focus should move into it. */
  focusPanel = false;
  /** The extent of the story's main view, for distances to far-away places. */
  readonly mainBounds: Bounds;
  /** Where focus goes back to when the panel closes. */
  private opener: (HTMLOrSVGElement & Element) | null = null;
  private seq = 0;

  get passage(): ResolvedPassage | undefined {
    return this.passageOf(this.passageId);
  }

  /** The places the map emphasises: the open selection, else the active passage's view. */
  get emphasised(): string[] {
    if (this.selection.length > 0) return this.selection;
    return this.passage?.view.layers ?? this.story.initialView.layers;
  }

  constructor(readonly story: StoryData) {
    // Built once from the story and never mutated: no reactivity needed.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.passageIds = new Set(story.passages.map((p) => p.id));
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.placeIds = new Set(Object.keys(story.places));
    this.mainBounds = mainBounds(story);
  }

  place(id: string): ResolvedPlace | undefined {
    return this.story.places[id];
  }

  passageOf(id: string | undefined): ResolvedPassage | undefined {
    return id === undefined ? undefined : this.story.passages.find((p) => p.id === id);
  }

  /** Guided reading: the passage in view (or stepped to) sets the map; the latest call wins. */
  activatePassage(id: string, how: 'scroll' | 'step' | 'link' = 'scroll') {
    const passage = this.passageOf(id);
    if (!passage || (this.passageId === id && how === 'scroll')) return;
    this.passageId = id;
    if (this.selection.length === 0) this.requestView(passage.view.camera, passage.view.projection);
    // While a panel is open the URL names its place; scrolling underneath does not change that.
    const panelOpen = this.selection.length > 0;
    if (how === 'step' || (how === 'scroll' && !panelOpen)) {
      this.writeHash({ passage: id }, how === 'scroll' ? 'replace' : 'push');
    }
    if (how === 'step')
      this.announce(`Passage ${this.indexOf(id) + 1} of ${this.story.passages.length}`);
  }

  step(delta: 1 | -1): string | undefined {
    const i = this.passageId ? this.indexOf(this.passageId) : -1;
    const next =
      this.story.passages[Math.min(Math.max(i + delta, 0), this.story.passages.length - 1)];
    if (!next || next.id === this.passageId) return undefined;
    this.activatePassage(next.id, 'step');
    return next.id;
  }

  indexOf(passageId: string): number {
    return this.story.passages.findIndex((p) => p.id === passageId);
  }

  /** A mention, a map feature or a places-list entry: highlight, fit, announce, open the panel. */
  select(
    ids: string[],
    opener: (HTMLOrSVGElement & Element) | null = null,
    how: 'push' | 'none' = 'push',
  ) {
    const places = ids.map((id) => this.place(id)).filter((p): p is ResolvedPlace => !!p);
    if (places.length === 0) return;
    this.opener = opener;
    this.focusPanel = how === 'push';
    this.selection = places.map((p) => p.id);
    const camera = this.cameraFor(places);
    const distant = places.every((p) => p.display !== 'map');
    this.requestView(camera, distant ? 'globe' : 'mercator');
    this.announce(`Showing ${places.map((p) => p.label).join(', ')} on the map`);
    if (how === 'push' && places.length === 1) this.writeHash({ place: places[0]!.id }, 'push');
  }

  close(restoreFocus = true) {
    if (this.selection.length === 0) return;
    this.selection = [];
    const passage = this.passage;
    if (passage) this.requestView(passage.view.camera, passage.view.projection);
    this.writeHash(passage ? { passage: passage.id } : {}, 'push');
    const opener = this.opener;
    this.opener = null;
    if (restoreFocus && opener?.isConnected) opener.focus();
  }

  resetView() {
    this.requestView(this.story.initialView.camera, this.story.initialView.projection);
    this.announce('Map view reset');
  }

  announce(message: string) {
    // Re-setting the same text would not be spoken again.
    this.announcement = this.announcement === message ? `${message}\u00a0` : message;
  }

  /** Applies `location.hash`; returns false when it named nothing known. */
  applyHash(hash: string): boolean {
    const link = parseDeepLink(hash, { passages: this.passageIds, places: this.placeIds });
    if ('place' in link) {
      this.select([link.place], null, 'none');
      return true;
    }
    if (this.selection.length > 0) {
      this.selection = [];
    }
    if ('passage' in link) {
      this.activatePassage(link.passage, 'link');
      this.requestView(this.passage!.view.camera, this.passage!.view.projection);
      return true;
    }
    return false;
  }

  private cameraFor(places: ResolvedPlace[]): Camera {
    if (places.length === 1) return places[0]!.camera;
    return { bounds: unionBounds(places.map((p) => p.bounds)) };
  }

  private requestView(camera: Camera, projection: Projection = 'mercator') {
    this.request = { camera, projection, seq: ++this.seq };
  }

  private writeHash(link: DeepLink, mode: 'push' | 'replace') {
    if (typeof history === 'undefined') return;
    // Scrolling never overwrites a hash that is not ours (a skip link's #places, say).
    if (mode === 'replace' && location.hash && !/^#(passage|place)=/.test(location.hash)) return;
    const hash = formatDeepLink(link);
    if (hash === location.hash || (!hash && !location.hash)) return;
    const url = `${location.pathname}${location.search}${hash}`;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }
}

/** The context that provides `reader` to a component tree rendered on its own (each of the
 * page's islands, a component in a test): `hydrate(Component, { target, props, context })`. */
export function readerContext(reader: Reader): Map<symbol, Reader> {
  // A context map is read once by the renderer, never observed: no reactivity needed.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  return new Map([[KEY, reader]]);
}

/** The page's reader state; throws outside a tree given `readerContext` (each of the page's
 * islands is), so a component rendered without one fails at once instead of reading undefined
 * later. */
export function getReader(): Reader {
  const reader = getContext<Reader | undefined>(KEY);
  if (!reader) throw new Error('getReader() called outside a component tree given readerContext()');
  return reader;
}
