// Builds the site once, serves it, and starts one Chromium that every browser test connects to.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { CHROME_ARGS, findChrome } from './support/chrome.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    otherOriginUrl: string;
    wsEndpoint: string;
  }
}

let browser: BrowserServer | undefined;
let site: RunningServer | undefined;
let other: RunningServer | undefined;
let hosts: string | undefined;

/** The host pages as a newsroom publishes them: the map's address filled in, pym.js beside them. */
function hostPages(siteUrl: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'map-explainer-hosts-'));
  cpSync('tests/browser/hosts', dir, { recursive: true });
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(html|js|css)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('{{SITE}}', siteUrl));
  }
  cpSync('node_modules/pym.js/dist/pym.v1.min.js', join(dir, 'pym.v1.min.js'));
  return dir;
}

export async function setup(project: TestProject) {
  // Fail before the slow build when there is no browser.
  const executablePath = findChrome();
  // Always build: the tests must never run on a dist/ older than the source.
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { stdio: 'inherit' });
  site = await serve('dist');
  // A second origin (another port) for pages that embed the explainer the way a newsroom does.
  hosts = hostPages(site.url);
  other = await serve(hosts, { ignoreHeadersFile: true });
  browser = await chromium.launchServer({ executablePath, args: CHROME_ARGS, headless: true });
  project.provide('siteUrl', site.url);
  project.provide('otherOriginUrl', other.url.replace('127.0.0.1', 'localhost'));
  project.provide('wsEndpoint', browser.wsEndpoint());
}

export async function teardown() {
  await browser?.close();
  await site?.close();
  await other?.close();
  if (hosts) rmSync(hosts, { recursive: true, force: true });
}
