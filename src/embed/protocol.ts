// The message format between an embedded map and its host page. It is pym.js's, so a host that
// already runs `new pym.Parent(...)` resizes the embed with no code of ours:
//   pymxPYMx<childId>xPYMx<type>xPYMx<value>
// Shared by the child (the embed page) and the host script (embed.js); no dependencies.

export const DELIMITER = 'xPYMx';

/** Anything longer is not one of ours. */
export const MAX_MESSAGE = 1000;

/** Ids the host gives the child (pym uses the container's element id). */
export const CHILD_ID = /^[A-Za-z0-9_:.-]{1,100}$/;

/** The query parameter and value of the map-first layout: the host sets the frame's height and
 * pins it (embed.js `data-map-layout="map"`), and the embed fits that height. */
export const LAYOUT_PARAM = 'layout';
export const MAP_FIRST = 'map';
/** The query parameter an `amp-iframe` embed carries: the embed asks AMP for its height. */
export const AMP_PARAM = 'amp';

/** Story ids, as in deep links: place and passage ids are kebab-case. */
import { KEBAB as STORY_ID } from '../lib/ids.ts';

export { STORY_ID };

export type MessageType =
  /** child → host: the content height in CSS pixels (pym). */
  | 'height'
  /** host → child: the container width changed (pym); the child answers with its height. */
  | 'width'
  /** child → host: places opened in the panel, comma-separated; empty when it closes. */
  | 'mapexplainer:place'
  /** both ways: the passage the map shows (host → child asks for it; child → host reports it). */
  | 'mapexplainer:passage';

export function formatMessage(childId: string, type: MessageType, value: string): string {
  return ['pym', childId, type, value].join(DELIMITER);
}

/** The type and value of a message for `childId`, or undefined for anything else. */
export function parseMessage(
  data: unknown,
  childId: string,
): { type: string; value: string } | undefined {
  if (typeof data !== 'string' || data.length > MAX_MESSAGE) return undefined;
  const parts = data.split(DELIMITER);
  if (parts.length !== 4 || parts[0] !== 'pym' || parts[1] !== childId) return undefined;
  return { type: parts[2]!, value: parts[3]! };
}

/** A comma-separated list of story ids (one or more); undefined if any is malformed. */
export function parseIds(value: string): string[] | undefined {
  if (value === '') return [];
  const ids = value.split(',');
  return ids.length <= 50 && ids.every((id) => STORY_ID.test(id)) ? ids : undefined;
}

/** How the embed is laid out in its frame:
 * - `flow`: the host sizes the frame to the content (pym or embed.js, AMP's resizable frame);
 * - `fit`: the frame's height is given (a bare iframe, or embed.js's pinned map-first frame) and
 *   the embed fits it, so its document never scrolls. The default: it is what paints first. */
export type EmbedLayout = 'flow' | 'fit';

/** The layout for this frame's URL; `framed` is false for a page opened on its own. */
export function embedLayout(search: string, framed: boolean): EmbedLayout {
  const params = new URLSearchParams(search);
  if (!framed) return 'fit';
  if (params.has(AMP_PARAM)) return 'flow';
  const hosted = CHILD_ID.test(params.get('childId') ?? '');
  return hosted && params.get(LAYOUT_PARAM) !== MAP_FIRST ? 'flow' : 'fit';
}

/** AMP's resize request (amp-iframe `resizable`): the frame asks for its content's height. */
export function ampSizeMessage(height: number) {
  return { sentinel: 'amp', type: 'embed-size', height } as const;
}

/** A pinned map's height: the frame's width at 4:3, at least half the viewport and at most 60% of
 * it, so the paragraphs driving it have the rest; `data-map-height` (px) overrides. */
export function pinnedHeight(width: number, viewport: number, asked?: number): number {
  if (asked && asked > 0) return Math.min(asked, viewport);
  return Math.round(Math.min(Math.max(width * 0.75, viewport * 0.5), viewport * 0.6));
}
