// Which clicks on a place's link the page handles itself. A modifier key or another button asks
// the browser for a new tab or window: the link then does what links do.

/** The place link (`a[data-place]`, HTML or SVG) a plain primary click landed on, if any. */
export function placeLinkAt(event: MouseEvent): (HTMLElement | SVGElement) | null {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return null;
  }
  const link = event.target instanceof Element ? event.target.closest('a[data-place]') : null;
  return link instanceof HTMLElement || link instanceof SVGElement ? link : null;
}
