// One view of a story as a standalone SVG image, for link previews (og:image), embeds without
// script, downloads and print: drawn by the static map's own code (staticMap.ts: the basemap from
// the world tiles, the story's places with the catalogue's paint), with a side panel holding the
// title, the legend of what is in view and the credits. Node-free: the build draws every
// passage's view with it (map/build/images.ts, which rasterises them), and the page the view on
// screen when a reader downloads it.
import type { FeatureCollection } from 'geojson';
import { categoriesIn, type Category } from '../../catalogue/categories.ts';
import { staticMapCss } from '../../catalogue/css.ts';
import { HATCHED, hatchPatternsSvg } from '../../catalogue/icons.ts';
import { symbolOf } from '../../catalogue/kinds.ts';
import type { Palette } from '../../catalogue/palette.ts';
import { SWATCH_SIZE, shapesSvg, swatchShapes } from '../../catalogue/swatch.ts';
import { STATIC_VARIANTS } from '../../lib/breakpoints.ts';
import { escapeAttr, escapeText } from '../../lib/escape.ts';
import { VIEW_IMAGE_SIZE } from '../../lib/viewImages.ts';
import type { StaticFeature } from '../../state/page.ts';
import { plain } from '../../story/plain.ts';
import type { Bounds, Camera, ResolvedStory } from '../../story/schema.ts';
import type { MapData } from './mapData.ts';
import {
  basemapLayers,
  cameraBounds,
  FONT_FAMILY,
  staticPlaces,
  staticView,
  variantZoom,
  type Frame,
} from './staticMap.ts';

const { width: WIDTH, height: HEIGHT } = VIEW_IMAGE_SIZE;
/** The side panel's width; the map takes the rest. A third keeps a long title and a legend of a
 * dozen lines readable in a preview shown at 500 px wide. */
const PANEL = 380;
/** The map's share of the image, its view fitted 40 px in from each side, as the page's static
 * map fits its first view inside a margin. */
export const IMAGE_FRAME: Frame = { width: WIDTH - PANEL, height: HEIGHT, inset: { x: 40, y: 40 } };
/** Drawn at 1:1, as the wide layout's live map is (its scale is 1): its zoom, sizes and labels. */
const VARIANT = STATIC_VARIANTS.find((v) => v.id === 'wide')!;

/** One view of a story, as the live map shows it: its camera and the places it emphasises. */
export interface ViewSpec {
  camera: Camera;
  emphasised: readonly string[];
  /** Under the title: which view this is ("Passage 2 of 5"), and its text, shortened. */
  caption: string;
  excerpt?: string;
}

export interface ViewImageInput {
  story: Pick<ResolvedStory, 'title' | 'places' | 'statuses' | 'borders'>;
  data: MapData;
  /** The basemap's features for a view, at a zoom (tiles.ts). */
  tiles: FeatureCollection;
  view: ViewSpec;
  attribution: string;
  palette: Palette;
}

/** A story view's spec: the first view's, or passage `passageId`'s (its caption and text); for
 * the view on screen, its `camera` and `emphasised` instead of the story's own, and a `caption`
 * of its own (an open place's name) in place of the passage's caption and text. */
export function viewSpec(
  story: Pick<ResolvedStory, 'initialView' | 'passages'>,
  passageId?: string,
  onScreen?: Pick<ViewSpec, 'camera' | 'emphasised'> & { caption?: string },
): ViewSpec {
  const i = story.passages.findIndex((p) => p.id === passageId);
  const passage = story.passages[i];
  const view: ViewSpec = passage
    ? {
        camera: passage.view.camera,
        emphasised: passage.view.layers,
        caption: `Passage ${i + 1} of ${story.passages.length}`,
        excerpt: plain(passage.inlines).replace(/\s+/g, ' ').trim(),
      }
    : {
        camera: story.initialView.camera,
        emphasised: story.initialView.layers,
        caption: 'The opening view',
      };
  if (!onScreen) return view;
  const { caption, ...camera } = onScreen;
  if (!caption) return { ...view, ...camera };
  return { ...camera, caption };
}

/** The tiles a view needs: its box and zoom in the image's map frame. */
export function viewTiles(camera: Camera): { bounds: Bounds; zoom: number } {
  const bounds = cameraBounds(camera, IMAGE_FRAME);
  return {
    bounds: staticView(bounds, IMAGE_FRAME),
    zoom: variantZoom(bounds, VARIANT, IMAGE_FRAME),
  };
}

/** A view as a standalone SVG document of VIEW_IMAGE_SIZE. */
export function viewImageSvg({
  story,
  data,
  tiles,
  view,
  attribution,
  palette,
}: ViewImageInput): string {
  const bounds = cameraBounds(view.camera, IMAGE_FRAME);
  const drawn = staticPlaces(data.places, bounds, data.labels, IMAGE_FRAME, [VARIANT]).features;
  const basemap = basemapLayers(tiles, bounds, palette, VARIANT, {
    over: drawn,
    hide: Object.keys(story.places),
    frame: IMAGE_FRAME,
  });
  const legend = categoriesIn(story, staticView(bounds, IMAGE_FRAME));
  const title = `${story.title}: ${view.caption}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="${FONT_FAMILY}">`,
    `<title>${escapeText(title)}</title>`,
    `<style>${staticMapCss((t) => palette[t])}</style>`,
    `<svg width="${IMAGE_FRAME.width}" height="${HEIGHT}" overflow="hidden">`,
    basemap,
    placesSvg(drawn, new Set(view.emphasised), palette),
    '</svg>',
    panelSvg({ title: story.title, view, legend, borders: story.borders, attribution, palette }),
    '</svg>',
  ].join('\n');
}

/** The story's places as StaticMap.svelte draws them (same classes, so the catalogue's paint,
 * staticMapCss, applies): areas, lines, area labels, points; faint unless emphasised. */
function placesSvg(
  features: readonly StaticFeature[],
  emphasised: ReadonlySet<string>,
  palette: Palette,
): string {
  // The class list StaticMap.svelte gives a place, and its id for whoever reads the file.
  const cls = (f: StaticFeature) =>
    `static-place k-${f.kind} s-${f.statusStyle} tint-${f.tint} role-${f.role}${emphasised.has(f.id) ? '' : ' faint'}" data-place="${escapeAttr(f.id)}`;
  const label = (f: StaticFeature) => {
    const t = f.texts?.[VARIANT.id];
    return t
      ? `<text x="${t.x}" y="${t.y}" font-size="${t.size}">${escapeText(f.label)}</text>`
      : '';
  };
  const areas = features.filter((f) => f.geometry === 'area');
  const lines = features.filter((f) => f.geometry === 'line');
  const points = features.filter((f) => f.geometry === 'point');
  const symbolScale = +(1 / VARIANT.scale).toFixed(3);
  return [
    `<defs>${hatchPatternsSvg('hatch-')}</defs>`,
    '<g fill="none" stroke-linejoin="round">',
    ...areas.map(
      (f) =>
        `<g class="${cls(f)}"><path d="${f.d}" class="fill"/>${
          f.role === 'place' && HATCHED.has(f.statusStyle)
            ? `<path d="${f.d}" class="pattern" fill="url(#hatch-${f.statusStyle})"/>`
            : ''
        }<path d="${f.d}" class="outline" fill="none"/></g>`,
    ),
    ...lines.map(
      (f) =>
        `<g class="${cls(f)}" stroke-linecap="round"><path d="${f.d}" class="casing" fill="none"/><path d="${f.d}" class="stroke" fill="none"/></g>`,
    ),
    '</g>',
    // Labels above every area and line, as the page draws them (fg on a bg halo); points on top.
    `<g text-anchor="middle" fill="${palette.fg}" stroke="${palette.bg}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`,
    ...[...lines, ...areas].map(label),
    '</g>',
    ...points.map((f) => {
      const symbol = symbolOf(f.kind);
      return `<g class="${cls(f)}"><g transform="translate(${f.x} ${f.y}) scale(${symbolScale})" class="symbol" stroke="${palette.labelHalo}"><path d="${symbol.path}" stroke-width="${symbol.halo}"/></g><g text-anchor="middle" fill="${palette.fg}" stroke="${palette.bg}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${label(f)}</g></g>`;
    }),
  ].join('\n');
}

interface Panel {
  title: string;
  view: ViewSpec;
  legend: Category[];
  borders: string | undefined;
  attribution: string;
  palette: Palette;
}

const PAD = 28;
const TEXT_WIDTH = PANEL - 2 * PAD;

/** Lines of at most `width` px at `size` px (Noto Sans averages about 0.55 em a character, bold
 * 0.6), cut with an ellipsis after `max` lines. */
export function wrap(text: string, size: number, width: number, max: number, em = 0.55): string[] {
  const perLine = Math.max(8, Math.floor(width / (size * em)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1]!.slice(0, perLine - 1).replace(/\s*\S*$/, '')}…`;
  return kept;
}

/** The side panel: title, which view, its text, the legend, the borders' convention, credits. */
function panelSvg({ title, view, legend, borders, attribution, palette }: Panel): string {
  const x = IMAGE_FRAME.width + PAD;
  const out: string[] = [
    `<rect x="${IMAGE_FRAME.width}" width="${PANEL}" height="${HEIGHT}" fill="${palette.bg}"/>`,
    `<path d="M${IMAGE_FRAME.width + 0.5},0V${HEIGHT}" stroke="${palette.line}"/>`,
  ];
  let y = PAD;
  const text = (lines: string[], size: number, colour: string, extra = '', lead = 1.3) => {
    for (const line of lines) {
      y += size;
      out.push(
        `<text x="${x}" y="${y}" font-size="${size}" fill="${colour}"${extra}>${escapeText(line)}</text>`,
      );
      y += size * (lead - 1);
    }
  };
  text(wrap(title, 24, TEXT_WIDTH, 4, 0.6), 24, palette.fg, ' font-weight="700"', 1.25);
  y += 8;
  text([view.caption], 15, palette.accent, ' font-weight="700"');
  if (view.excerpt) text(wrap(view.excerpt, 14, TEXT_WIDTH, 3), 14, palette.muted);
  // The credits take the bottom; the legend what is left between.
  const credits = wrap(`Map: ${attribution}`, 11, TEXT_WIDTH, 4);
  const creditsTop = HEIGHT - PAD - credits.length * 11 * 1.35;
  const note = borders ? wrap(borders, 11, TEXT_WIDTH, 4) : [];
  const noteHeight = note.length * 11 * 1.35 + (note.length ? 6 : 0);
  y += 14;
  text(['LEGEND'], 12, palette.muted, ' font-weight="700" letter-spacing="1"');
  y += 4;
  // A line per category, two when its words need them; as many as fit above the note.
  const LINE = 18;
  const labelWidth = TEXT_WIDTH - SWATCH_SIZE.width - 10;
  const rows = legend.map((c) => ({ c, lines: wrap(c.label, 14, labelWidth, 2) }));
  const bottom = creditsTop - noteHeight - 10;
  const heightOf = (r: (typeof rows)[number]) => r.lines.length * LINE + 6;
  let shown = rows;
  while (shown.length > 0 && y + sum(shown.map(heightOf)) + (shown < rows ? 20 : 0) > bottom) {
    shown = shown.slice(0, -1);
  }
  const paint = (t: keyof Palette) => palette[t];
  for (const row of shown) {
    const top = y + (LINE + 6 - SWATCH_SIZE.height) / 2;
    out.push(
      `<g transform="translate(${x} ${top})">${shapesSvg(swatchShapes(row.c, paint))}</g>`,
      ...row.lines.map(
        (line, i) =>
          `<text x="${x + SWATCH_SIZE.width + 10}" y="${y + 3 + LINE * (i + 1) - 4}" font-size="14" fill="${palette.fg}">${escapeText(line)}</text>`,
      ),
    );
    y += heightOf(row);
  }
  if (shown.length < legend.length) {
    text([`and ${legend.length - shown.length} more in the legend online`], 13, palette.muted);
  }
  y += 6;
  text(note, 11, palette.muted, '', 1.35);
  y = creditsTop;
  text(credits, 11, palette.muted, '', 1.35);
  return out.join('\n');
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
