// Builds the site once, serves it, and starts one Chromium that every browser test connects to.
import { execFileSync } from 'node:child_process';
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

export async function setup(project: TestProject) {
  // Fail before the slow build when there is no browser.
  const executablePath = findChrome();
  if (!process.env.SKIP_BUILD) {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { stdio: 'inherit' });
  }
  site = await serve('dist');
  // A second origin (another port) for pages that embed the explainer the way a newsroom does.
  other = await serve('tests/browser/hosts', { ignoreHeadersFile: true });
  browser = await chromium.launchServer({ executablePath, args: CHROME_ARGS, headless: true });
  project.provide('siteUrl', site.url);
  project.provide('otherOriginUrl', other.url.replace('127.0.0.1', 'localhost'));
  project.provide('wsEndpoint', browser.wsEndpoint());
}

export async function teardown() {
  await browser?.close();
  await site?.close();
  await other?.close();
}
