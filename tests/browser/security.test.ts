// Nothing a story, a URL or the network contains may run code in the reader's browser: the built
// site under its strict Content-Security-Policy, a story full of payloads that pass the story
// checker, hostile hashes and query strings, and no request to any other host.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { guardState, openGuarded, unsafeMarkup, type Guarded } from './support/guard.ts';
import { mapIdle } from './support/page.ts';
import { PAYLOADS } from '../unit/story/payloads.ts';

const HOSTILE_STORIES = 'tests/fixtures/stories-hostile';
const HOSTILE_SITE = '.cache/browser/hostile-site';

/** The policy the issue asks for; the built one may only be stricter. */
const REQUIRED = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ['*'],
};

function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

let opened: Guarded | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

/** Nothing ran, nothing was blocked, nothing was fetched from elsewhere, nothing failed. */
async function expectClean(g: Guarded) {
  const state = await guardState(g.page);
  expect(g.dialogs, 'dialogs').toEqual([]);
  expect(state.calls, 'alert/confirm/prompt/print calls').toEqual([]);
  expect(state.unsafe, 'markup that could run, seen at any time').toEqual([]);
  expect(state.violations, 'CSP violations').toEqual([]);
  expect(await unsafeMarkup(g.page), 'markup that could run, now').toEqual([]);
  expect(g.foreignRequests, 'requests to other hosts').toEqual([]);
  expect(g.consoleErrors, 'console errors').toEqual([]);
}

describe('Content-Security-Policy', () => {
  it('is sent as a header on every page and asset, and as a <meta> fallback', async () => {
    const site = inject('siteUrl');
    for (const path of ['/', '/black-sea-call/', '/black-sea-call/places.geojson']) {
      const response = await fetch(new URL(path, site));
      const policy = response.headers.get('content-security-policy') ?? '';
      const got = directives(policy);
      for (const [name, values] of Object.entries(REQUIRED)) {
        expect(got[name], `${path}: ${name}`).toEqual(values);
      }
      expect(policy, 'nothing unsafe').not.toMatch(/unsafe-|\*\.|https?:/);
    }
    const headersFile = readFileSync('dist/_headers', 'utf8');
    expect(headersFile).toMatch(/^\/\*\n {2}Content-Security-Policy: /);
    const html = await (await fetch(site)).text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    const { 'frame-ancestors': _ignoredInMeta, ...rest } = REQUIRED;
    const fromMeta = directives(meta ?? '');
    for (const [name, values] of Object.entries(rest)) expect(fromMeta[name]).toEqual(values);
    // Browsers ignore frame-ancestors in <meta> and log an error for it.
    expect(fromMeta['frame-ancestors']).toBeUndefined();
  });

  it('the live map becomes idle with no violation under the enforced header', async () => {
    opened = await openGuarded(inject('siteUrl'), '/');
    await mapIdle(opened.page);
    await opened.page.getByRole('button', { name: 'Crimean peninsula' }).click();
    await opened.page.getByRole('region', { name: 'Crimea' }).waitFor();
    await mapIdle(opened.page);
    await expectClean(opened);
  });

  it('the <meta> policy alone is enough for the live map (hosts that ignore _headers)', async () => {
    const bare = await serve('dist', { ignoreHeadersFile: true });
    try {
      opened = await openGuarded(bare.url, '/');
      const header = await opened.page.evaluate(async () =>
        (await fetch(location.href)).headers.get('content-security-policy'),
      );
      expect(header).toBeNull();
      await mapIdle(opened.page);
      // The meta policy is in force: an inline script is refused and reported.
      const ran = await opened.page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true';
        document.head.append(s);
        s.remove();
        return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
      });
      expect(ran).toBe(false);
      await expect
        .poll(async () => (await guardState(opened!.page)).violations)
        .toEqual(['script-src-elem blocked inline']);
      expect(opened.foreignRequests).toEqual([]);
    } finally {
      await opened?.close();
      opened = undefined;
      await bare.close();
    }
  });
});

// Every payload passes `npm run check:story`, each arriving as text (tests/unit/story/security.test.ts
// proves it, payload by payload), so only the renderer stands between it and the reader. `shows`
// (tests/unit/story/payloads.ts) is the text a reader must see, verbatim, the payload's marker in
// it; payloads without it are not displayed at all and must simply do nothing.
describe('a story full of payloads', () => {
  let site: RunningServer;
  const url = () => site.url;

  beforeAll(async () => {
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/build.ts', '--stories', HOSTILE_STORIES, '--out', HOSTILE_SITE],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    site = await serve(HOSTILE_SITE);
  });
  afterAll(() => site?.close());

  /** The text a reader sees: the page, then each place's panel in turn. */
  async function readerText(page: Page): Promise<string> {
    let text = await page.locator('body').innerText();
    const places = page.getByRole('region', { name: 'Places in this story' }).getByRole('link');
    for (let i = 0; i < (await places.count()); i++) {
      await places.nth(i).click();
      const panel = page.locator('#place-panel');
      await panel.waitFor();
      text += '\n' + (await panel.innerText());
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
    }
    return text;
  }

  it('renders every payload as inert text in the live page', async () => {
    opened = await openGuarded(url(), '/payloads/');
    const { page } = opened;
    await mapIdle(page);
    const text = await readerText(page);
    for (const p of PAYLOADS.filter((p) => p.shows)) expect(text, p.id).toContain(p.shows);
    expect(await page.title()).toBe('</title></script><script>alert(1)</script><!-- P01 title');

    // Attributes carry payloads as values, never as markup.
    const outlet = page.getByRole('link', { name: /P03 outlet/ });
    expect(await outlet.getAttribute('href')).toBe(
      'https://example.org/?q="onmouseover=alert(4)//&p=P04',
    );
    const city = page.getByRole('region', { name: 'Places in this story' }).getByRole('link', {
      name: /^" onfocus="alert\(9\)" autofocus=" P09 label/,
    });
    expect(await city.count()).toBe(1);
    expect(await page.locator('[autofocus]').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'P24 title' }).getAttribute('title')).toBeNull();
    expect(await page.getByRole('link', { name: 'P25 mail' }).getAttribute('href')).toMatch(
      /^mailto:desk@example\.org\?subject=%3Cscript%3E/,
    );
    // The page data survives its own payloads (</script>, <!--, U+2028) intact.
    const title = await page.evaluate(
      () => JSON.parse(document.getElementById('page-data')!.textContent!).story.title,
    );
    expect(title).toBe('</title></script><script>alert(1)</script><!-- P01 title');
    expect(text).toContain('\u2028P30\u2029');

    // Focus every control once (P09's onfocus would fire), then look again.
    for (let i = 0; i < 80; i++) await page.keyboard.press('Tab');
    await expectClean(opened);
  });

  it('keeps every payload inert without JavaScript, <noscript> cards included', async () => {
    opened = await openGuarded(url(), '/payloads/', { javaScriptEnabled: false });
    const { page } = opened;
    // An off-screen passage is rendered once a reader scrolls to it (content-visibility): each is
    // read where a reader reads it, on screen.
    const parts = [await page.locator('body').innerText()];
    for (const passage of await page.locator('.passage').all()) {
      await passage.scrollIntoViewIfNeeded();
      await expect.poll(() => passage.innerText()).not.toBe('');
      parts.push(await passage.innerText());
    }
    const text = parts.join('\n');
    for (const p of PAYLOADS.filter((p) => p.shows && !/P0[78]/.test(p.id))) {
      expect(text, p.id).toContain(p.shows);
    }
    // The no-JS card of a place, opened from the static map.
    const site = page
      .getByRole('group', { name: 'Places on the map' })
      .getByRole('link', { name: '<script>alert(10)</script> P10 name' });
    await site.focus();
    await page.keyboard.press('Enter');
    const card = page.locator(':target');
    await card.waitFor();
    expect(await card.innerText()).toContain('</noscript><img src=x onerror=alert(8)> P08 note');
    expect(opened.dialogs).toEqual([]);
    expect(opened.foreignRequests).toEqual([]);
    expect(await unsafeMarkup(page)).toEqual([]);
  });

  it('is inert even with no Content-Security-Policy at all: escaping alone holds', async () => {
    opened = await openGuarded(url(), '/payloads/', {
      before: (page) =>
        page.route('**/payloads/', async (route) => {
          const response = await route.fetch();
          const html = (await response.text()).replace(
            /<meta http-equiv="Content-Security-Policy"[^>]*>/,
            '',
          );
          const headers = { ...response.headers() };
          delete headers['content-security-policy'];
          delete headers['content-encoding'];
          delete headers['content-length'];
          await route.fulfill({ response, body: html, headers });
        }),
    });
    const { page } = opened;
    const policy = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]') === null,
    );
    expect(policy, 'the policy was removed').toBe(true);
    await mapIdle(page);
    await readerText(page);
    await expectClean(opened);
  });
});

describe('hostile URLs', () => {
  const HASHES = [
    '#place=%3Cimg%20src%3Dx%20onerror%3Dalert(4242)%3E',
    '#place=<svg onload=alert(4242)>',
    '#passage=%22%3E%3Cscript%3Ealert(4242)%3C/script%3E',
    '#place=javascript:alert(4242)',
    '#passage=__proto__',
    '#place=constructor',
    '#place=toString&passage=hasOwnProperty',
    '#%E0%A4%A',
    '#place=crimea%00alert(4242)',
    '#place=' + 'crimea'.repeat(2000),
    '#' + 'passage=first-call&'.repeat(300),
    '#passage=first-call%0A<script>alert(4242)</script>',
  ];
  const SEARCHES = [
    '?theme=%3Cscript%3Ealert(4242)%3C/script%3E&plain=<img src=x onerror=alert(4242)>',
    '?theme=dark"onload="alert(4242)',
    '?' + 'static=1&'.repeat(400),
    '?transparent=javascript:alert(4242)&theme=__proto__',
  ];

  /** The default view: no panel, no active passage, nothing hostile in the markup. */
  async function expectDefault(g: Guarded, what: string) {
    const { page } = g;
    expect(await page.locator('#place-panel').count(), `${what}: panel`).toBe(0);
    expect(await page.locator('[aria-current="step"]').count(), `${what}: passage`).toBe(0);
    expect(await page.content(), `${what}: reflected`).not.toContain('4242');
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
  }

  it('ignores hostile hashes at load and on hashchange, never reflecting or crashing', async () => {
    for (const hash of HASHES.slice(0, 4)) {
      opened = await openGuarded(inject('siteUrl'), '/' + hash);
      await mapIdle(opened.page);
      await expectDefault(opened, hash);
      await expectClean(opened);
      await opened.close();
      opened = undefined;
    }
    opened = await openGuarded(inject('siteUrl'), '/');
    const { page } = opened;
    await mapIdle(page);
    for (const hash of HASHES) {
      await page.evaluate((h) => (location.hash = h), hash);
      await page.waitForTimeout(50);
      await expectDefault(opened, hash);
    }
    // A good link still works after all that.
    await page.evaluate(() => (location.hash = '#place=crimea'));
    await page.getByRole('region', { name: 'Crimea' }).waitFor();
    await expectClean(opened);
  });

  it('ignores hostile query strings (render flags)', async () => {
    for (const search of SEARCHES) {
      opened = await openGuarded(inject('siteUrl'), '/' + search);
      const { page } = opened;
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('load');
      const root = await page.evaluate(() => ({ ...document.documentElement.dataset }));
      expect(Object.values(root).join(' '), search).not.toMatch(/4242|script|proto/);
      await expectDefault(opened, search);
      await expectClean(opened);
      await opened.close();
      opened = undefined;
    }
  });
});
