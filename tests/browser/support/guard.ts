// A page opened under watch for the resilience and security tests: every request to another host
// is recorded and refused (never sent), every dialog, console error, uncaught exception and
// Content-Security-Policy violation is recorded, and script-run sinks (alert and friends) report
// any call. `unsafeMarkup` lists whatever in the DOM could run code.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { browser as sharedBrowser } from './page.ts';

export interface Guarded {
  page: Page;
  dialogs: string[];
  consoleErrors: string[];
  consoleWarnings: string[];
  foreignRequests: string[];
  close(): Promise<void>;
}

export interface GuardOptions extends BrowserContextOptions {
  /** Another browser (one launched with other flags); the shared one by default. */
  browser?: Browser;
  /** Runs before navigation, e.g. to route a request. */
  before?: (page: Page) => Promise<unknown>;
}

/** Runs in the page before any of its scripts. */
function watch() {
  const guard = { violations: [] as string[], calls: [] as string[], unsafe: [] as string[] };
  Object.defineProperty(window, '__guard', { value: guard });
  document.addEventListener('securitypolicyviolation', (e) =>
    guard.violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`),
  );
  for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
    (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      guard.calls.push(`${name}(${args.map(String).join(', ')})`);
    };
  }
  // Catches markup that appears and disappears between two looks.
  const check = (el: Element) => {
    for (const a of Array.from(el.attributes)) {
      if (/^on/i.test(a.name)) guard.unsafe.push(`<${el.localName} ${a.name}>`);
    }
    if (el.localName === 'script' && !el.hasAttribute('src') && el.id !== 'page-data') {
      guard.unsafe.push('<script> without src');
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.attributeName && /^on/i.test(r.attributeName)) {
        check(r.target as Element);
      }
      for (const n of Array.from(r.addedNodes)) {
        if (n.nodeType !== 1) continue;
        check(n as Element);
        (n as Element).querySelectorAll('*').forEach(check);
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

export async function openGuarded(
  base: string,
  path = '/',
  { browser, before, ...options }: GuardOptions = {},
): Promise<Guarded> {
  const context = await (browser ?? (await sharedBrowser())).newContext({
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  const origin = new URL(base).origin;
  const foreignRequests: string[] = [];
  // Nothing leaves the machine: a request to any other host is recorded and refused.
  await context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
    (route) => {
      foreignRequests.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  if (options.javaScriptEnabled !== false) await context.addInitScript(watch);
  const page = await context.newPage();
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  const consoleWarnings: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
    if (m.type() === 'warning') consoleWarnings.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  await before?.(page);
  await page.goto(new URL(path, base).href);
  return {
    page,
    dialogs,
    consoleErrors,
    consoleWarnings,
    foreignRequests,
    close: () => context.close(),
  };
}

interface GuardState {
  violations: string[];
  calls: string[];
  unsafe: string[];
}

/** What the init script saw: CSP violations, calls to alert and friends, markup that could run. */
export function guardState(page: Page): Promise<GuardState> {
  return page.evaluate(() => (window as unknown as { __guard: GuardState }).__guard);
}

/** Everything in the DOM now that could run code or load from elsewhere; empty when inert. */
export function unsafeMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const urlAttr = /^(href|src|srcset|action|formaction|poster|data|xlink:href|background)$/i;
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) problems.push(`<${el.localName} ${a.name}="${a.value}">`);
        if (a.name === 'srcdoc') problems.push(`<${el.localName} srcdoc>`);
        if (urlAttr.test(a.name) && /^\s*(javascript|vbscript|data\s*:\s*text)/i.test(a.value)) {
          problems.push(`<${el.localName} ${a.name}="${a.value}">`);
        }
      }
    }
    for (const s of Array.from(document.scripts)) {
      const ours =
        (s.type === 'module' && s.src.startsWith(location.origin)) ||
        (s.id === 'page-data' && s.type === 'application/json');
      if (!ours) problems.push(`<script ${s.type} ${s.src}>`);
    }
    const never =
      'iframe, frame, frameset, object, embed, applet, base, form, style, textarea, meta[http-equiv="refresh" i], foreignObject, svg script, math';
    for (const el of Array.from(document.querySelectorAll(never)))
      problems.push(`<${el.localName}>`);
    // Ours: the static map's basemap, and the print-only view images (Article.svelte) at their
    // one path (lib/viewImages.ts).
    const viewImage = /^(?:[a-z0-9-]+\/)?images\/passage-[a-z0-9-]+\.svg$/;
    for (const img of Array.from(document.images)) {
      const src = img.getAttribute('src') ?? '';
      const ours =
        img.closest('.static-map') || (img.classList.contains('print-map') && viewImage.test(src));
      if (!ours) problems.push(`<img src="${src}">`);
    }
    for (const a of Array.from(document.querySelectorAll('a[href]'))) {
      const href = a.getAttribute('href')!;
      if (!/^(#|https?:\/\/|mailto:)/i.test(href)) problems.push(`<a href="${href}">`);
    }
    if (document.querySelectorAll('title').length > 1) problems.push('a second <title>');
    return problems;
  });
}
