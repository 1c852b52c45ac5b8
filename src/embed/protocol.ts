// The message format between an embedded map and its host page. It is pym.js's, so a host that
// already runs `new pym.Parent(...)` resizes the embed with no code of ours:
//   pymxPYMx<childId>xPYMx<type>xPYMx<value>
// Shared by the child (the embed page) and the host script (embed.js); no dependencies.

export const DELIMITER = 'xPYMx';

/** Anything longer is not one of ours. */
export const MAX_MESSAGE = 1000;

/** Ids the host gives the child (pym uses the container's element id). */
export const CHILD_ID = /^[A-Za-z0-9_:.-]{1,100}$/;

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
