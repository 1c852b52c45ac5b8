// The embed's side of the host protocols (see protocol.ts): sends its height so the host can size
// the iframe (pym, or AMP's embed-size), reports the place and passage the map shows, and lets the
// host article choose the passage. It only obeys its parent window, from the parent's origin when
// that can be known. Which layout the embed takes follows from the host (embedLayout).
import type { Reader } from '../state/reader.svelte.ts';
import {
  AMP_PARAM,
  CHILD_ID,
  ampSizeMessage,
  embedLayout,
  formatMessage,
  parseMessage,
  type MessageType,
} from './protocol.ts';

/** The host's origin: the browser's record of it, else what the host said it was. */
function parentOrigin(params: URLSearchParams): string | undefined {
  const ancestor = location.ancestorOrigins?.[0];
  if (ancestor && ancestor !== 'null') return ancestor;
  for (const url of [params.get('parentUrl'), document.referrer]) {
    try {
      if (url) return new URL(url).origin;
    } catch {
      // Not a URL: try the next source.
    }
  }
  return undefined;
}

/** Connects to the host page; returns the disconnect. Does nothing when not framed by a host. */
export function connectToHost(reader: Reader): () => void {
  // Read once, never changed: no reactivity needed.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  const params = new URLSearchParams(location.search);
  const childId = params.get('childId') ?? '';
  const framed = window.parent !== window;
  const amp = framed && params.has(AMP_PARAM);
  if (!framed || (!amp && !CHILD_ID.test(childId))) return () => {};
  const origin = parentOrigin(params);
  // The host sizes the frame to the content, so the frame itself never scrolls.
  if (embedLayout(location.search, framed) === 'flow')
    document.documentElement.dataset.autoHeight = '';

  const send = (type: MessageType, value: string) => {
    if (amp) {
      // AMP's cache serves the article from an origin the embed cannot know; a height is no secret.
      if (type === 'height') window.parent.postMessage(ampSizeMessage(Number(value)), '*');
      return;
    }
    window.parent.postMessage(formatMessage(childId, type, value), origin ?? '*');
  };

  // One height message per burst of changes; the same height is not sent twice unless asked.
  let sent = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const sendHeight = (force = false) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height === sent && !force) return;
      sent = height;
      send('height', String(height));
    }, 0);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== window.parent || (origin && event.origin !== origin)) return;
    const message = parseMessage(event.data, childId);
    if (message?.type === 'width') sendHeight(true);
    else if (message?.type === 'mapexplainer:passage' && reader.passageIds.has(message.value)) {
      reader.activatePassage(message.value, 'scroll');
    }
  };
  const onResize = () => sendHeight();
  addEventListener('message', onMessage);
  addEventListener('resize', onResize);
  addEventListener('load', onResize);
  const observer = new ResizeObserver(onResize);
  observer.observe(document.documentElement);

  // Reports what the map shows; the first report is the current state only if there is one.
  let place = reader.selection.join(',');
  let passage = reader.passageId;
  if (place) send('mapexplainer:place', place);
  if (passage) send('mapexplainer:passage', passage);
  const stopEffects = $effect.root(() => {
    $effect(() => {
      const ids = reader.selection.join(',');
      if (ids === place) return;
      place = ids;
      send('mapexplainer:place', ids);
      // The panel opens or closes below the map: the height changes.
      sendHeight();
    });
    $effect(() => {
      const id = reader.passageId;
      if (!id || id === passage) return;
      passage = id;
      send('mapexplainer:passage', id);
    });
  });
  sendHeight(true);

  return () => {
    stopEffects();
    observer.disconnect();
    clearTimeout(timer);
    removeEventListener('message', onMessage);
    removeEventListener('resize', onResize);
    removeEventListener('load', onResize);
    delete document.documentElement.dataset.autoHeight;
  };
}
