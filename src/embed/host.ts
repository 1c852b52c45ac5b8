// embed.js, the host script (built to dist/embed.js; no dependencies, no inline styles, so it
// runs under a strict Content-Security-Policy). It turns every
//   <div data-map-explainer="https://…/<story>/embed.html#passage=…"></div>
// into a titled iframe (also when a CMS adds the container later) that takes the height its content
// asks for, lets paragraphs marked `data-map-passage="<id>"` choose the passage the map shows, and
// fires `mapexplainer:place` and `mapexplainer:passage` DOM events on the container. With
// `data-map-layout="map"` the frame is the map alone, pinned in view while those paragraphs pass
// (pin below). Messages: see protocol.ts.
import { onScrollFrame, passedReadingLine, READING_LINE } from '../lib/readingLine.ts';
import {
  CHILD_ID,
  formatMessage,
  LAYOUT_PARAM,
  MAP_FIRST,
  parseIds,
  parseMessage,
  pinnedHeight,
  STORY_ID,
} from './protocol.ts';

interface Embed {
  container: HTMLElement;
  iframe: HTMLIFrameElement;
  origin: string;
  childId: string;
  /** True once the map has spoken: it is listening, so passages can be sent. */
  ready: boolean;
  /** The passage the host article is at, sent once the map is ready. */
  passage?: string;
  paragraph?: Element;
  /** The map-first layout: the host sizes and pins the frame; the embed fits it. */
  pinned?: { top: number; height: number; released: boolean };
}

const MIN_HEIGHT = 150;
const MAX_HEIGHT = 20000;
const embeds: Embed[] = [];
let count = 0;

function post(embed: Embed, type: 'width' | 'mapexplainer:passage', value: string) {
  embed.iframe.contentWindow?.postMessage(formatMessage(embed.childId, type, value), embed.origin);
}

/** True when the container became an embed. */
function mount(container: HTMLElement): boolean {
  if (container.hasAttribute('data-map-explainer-ready')) return false;
  let url: URL;
  try {
    url = new URL(container.getAttribute('data-map-explainer') ?? '', document.baseURI);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  container.setAttribute('data-map-explainer-ready', '');
  count += 1;
  const childId = CHILD_ID.test(container.id) ? container.id : `map-explainer-${count}`;
  // The same query parameters pym.Parent adds; the child learns its id and our origin from them.
  url.searchParams.set('initialWidth', String(container.offsetWidth));
  url.searchParams.set('childId', childId);
  url.searchParams.set('parentUrl', location.origin);
  const mapFirst = container.getAttribute('data-map-layout') === MAP_FIRST;
  if (mapFirst) url.searchParams.set(LAYOUT_PARAM, MAP_FIRST);
  const iframe = document.createElement('iframe');
  iframe.src = url.href;
  iframe.title = container.getAttribute('data-map-title') || 'Interactive map';
  iframe.loading = 'lazy';
  // CSSOM writes, which a strict style-src allows (a style attribute would be blocked).
  iframe.style.display = 'block';
  iframe.style.width = '100%';
  iframe.style.border = '0';
  iframe.style.height = `${Number(container.getAttribute('data-map-height')) || 600}px`;
  // The container may hold a fallback link for readers without JavaScript.
  container.replaceChildren(iframe);
  const embed: Embed = { container, iframe, origin: url.origin, childId, ready: false };
  if (mapFirst) {
    embed.pinned = {
      top: Number(container.getAttribute('data-map-top')) || 0,
      height: 0,
      released: false,
    };
    container.setAttribute('data-map-pinned', '');
    container.style.zIndex = '1';
    sizePinned(embed);
    pin(embed, true);
  }
  embeds.push(embed);
  return true;
}

function sizePinned(embed: Embed) {
  const asked = Number(embed.container.getAttribute('data-map-height')) || undefined;
  embed.pinned!.height = pinnedHeight(embed.container.offsetWidth, innerHeight, asked);
  embed.iframe.style.height = `${embed.pinned!.height}px`;
}

/** Sticky at `top` (the compositor keeps it there, no scroll handler in the way); released, it sits
 * where the last paragraph ends and scrolls away with the article. */
function pin(embed: Embed, on: boolean, releasedTop = 0) {
  const { style } = embed.container;
  embed.pinned!.released = !on;
  style.position = on ? 'sticky' : 'relative';
  style.top = `${on ? embed.pinned!.top : releasedTop}px`;
}

/** Pins or releases each map-first embed by where the last paragraph it owns is. */
function followPins(last: Map<Embed, Element>) {
  last.forEach((paragraph, embed) => {
    const p = embed.pinned;
    if (!p) return;
    const end = paragraph.getBoundingClientRect().bottom;
    const rect = embed.container.getBoundingClientRect();
    if (!p.released && end < p.top + p.height) {
      // Where it would be in the flow, then as far down as the last paragraph's end.
      embed.container.style.position = 'static';
      const flow = embed.container.getBoundingClientRect().top;
      pin(embed, false, end - p.height - flow);
    } else if (p.released && rect.top > p.top) pin(embed, true);
  });
}

function onMessage(event: MessageEvent) {
  let embed: Embed | undefined;
  for (const e of embeds) if (e.iframe.contentWindow === event.source) embed = e;
  if (!embed || event.origin !== embed.origin) return;
  const message = parseMessage(event.data, embed.childId);
  if (!message) return;
  if (message.type === 'height') {
    if (!/^\d{1,6}$/.test(message.value)) return;
    const height = Math.min(Math.max(Number(message.value), MIN_HEIGHT), MAX_HEIGHT);
    // A pinned map keeps the height the host gave it: its first message only says it listens.
    if (!embed.pinned) embed.iframe.style.height = `${height}px`;
    if (!embed.ready) {
      embed.ready = true;
      if (embed.passage) post(embed, 'mapexplainer:passage', embed.passage);
    }
  } else if (message.type === 'mapexplainer:place' || message.type === 'mapexplainer:passage') {
    const ids = parseIds(message.value);
    if (!ids || (message.type === 'mapexplainer:passage' && ids.length !== 1)) return;
    const detail =
      message.type === 'mapexplainer:place' ? { id: ids[0] ?? null, ids } : { id: ids[0] };
    embed.container.dispatchEvent(new CustomEvent(message.type, { bubbles: true, detail }));
  }
}

function show(embed: Embed, id: string, paragraph: Element) {
  if (embed.passage === id) return;
  embed.paragraph?.removeAttribute('data-map-active');
  paragraph.setAttribute('data-map-active', '');
  embed.passage = id;
  embed.paragraph = paragraph;
  if (embed.ready) post(embed, 'mapexplainer:passage', id);
}

/** Undoes the last watchPassages: it runs again when embeds are added. */
let stopWatching: (() => void) | undefined;
// Until the reader scrolls, the map keeps the view its URL asked for.
let scrolled = false;

/**
 * The host's own paragraphs drive the map: the last one whose top has passed the reading line is
 * the one being read, as on the story page (src/lib/readingLine.ts).
 */
function watchPassages() {
  stopWatching?.();
  const paragraphs = Array.from(document.querySelectorAll('[data-map-passage]'));
  if (paragraphs.length === 0 || embeds.length === 0) return;
  // Each paragraph drives the embed placed before it (the first embed if none is).
  const owner = new Map<Element, Embed>();
  for (const p of paragraphs) {
    let embed = embeds[0]!;
    for (const e of embeds) {
      if (e.container.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING) embed = e;
    }
    owner.set(p, embed);
  }
  const last = new Map<Embed, Element>();
  for (const p of paragraphs) last.set(owner.get(p)!, p);
  /** Under a pinned map, the middle of what it leaves of the viewport. */
  const line = (embed: Embed) => {
    const top = embed.pinned ? embed.pinned.top + embed.pinned.height : 0;
    return top + (innerHeight - top) * READING_LINE;
  };
  const update = () => {
    followPins(last);
    if (!scrolled) return;
    const reading = new Map<Embed, Element>();
    for (const p of paragraphs) {
      const embed = owner.get(p)!;
      if (passedReadingLine(p, line(embed))) reading.set(embed, p);
    }
    reading.forEach((paragraph, embed) => {
      const id = paragraph.getAttribute('data-map-passage') ?? '';
      if (STORY_ID.test(id)) show(embed, id, paragraph);
    });
  };
  const stopScrolling = onScrollFrame(() => {
    scrolled = true;
    update();
  });
  addEventListener('resize', update, { passive: true });
  update();
  stopWatching = () => {
    stopScrolling();
    removeEventListener('resize', update);
  };
}

/** Mounts the containers not mounted yet; the passages are matched again when there were any. */
function start() {
  let added = false;
  document
    .querySelectorAll<HTMLElement>('[data-map-explainer]:not([data-map-explainer-ready])')
    .forEach((container) => (added = mount(container) || added));
  if (added) watchPassages();
}

addEventListener('message', onMessage);
// pym's width message: the child answers with its height.
addEventListener('resize', () => {
  for (const e of embeds) {
    if (e.pinned) sizePinned(e);
    if (e.ready) post(e, 'width', String(e.container.offsetWidth));
  }
});
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
// CMSs and single-page sites add embeds and paragraphs after load (lazy blocks, "load more",
// client-side navigation). Only added elements are looked at: busy pages (live blogs, ads) add
// nodes all the time, and most are neither.
const has = (node: Node, selector: string) =>
  node instanceof Element && (node.matches(selector) || !!node.querySelector(selector));
if ('MutationObserver' in window) {
  new MutationObserver((records) => {
    let embed = false;
    let passage = false;
    for (const r of records) {
      r.addedNodes.forEach((n) => {
        embed ||= has(n, '[data-map-explainer]');
        passage ||= has(n, '[data-map-passage]');
      });
    }
    if (embed) start();
    else if (passage) watchPassages();
  }).observe(document.documentElement, { childList: true, subtree: true });
}
