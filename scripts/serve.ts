// Static server for the built site: what `npm start`, the browser tests and the benchmark use.
// It applies the build's `_headers` file (the Content-Security-Policy) the way Netlify and
// Cloudflare Pages do, so the tests run under the same policy a static host would send.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import sirv from 'sirv';

export interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/** Parses the `_headers` format: a path pattern line, then indented `Name: value` lines. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (/^\s/.test(line)) {
      const rule = rules.at(-1);
      const colon = line.indexOf(':');
      if (!rule || colon < 0) continue;
      rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    } else {
      const glob = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${glob}$`), headers: [] });
    }
  }
  return rules;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  port?: number;
  /** Hosts to bind; both loopback names by default so localhost and 127.0.0.1 both answer. */
  hosts?: string[];
  /** Extra headers on every response (tests use it to add a policy or change one). */
  headers?: Record<string, string>;
  /** Skip the `_headers` file (the benchmark's baseline page has none). */
  ignoreHeadersFile?: boolean;
}

export async function serve(dir: string, options: ServeOptions = {}): Promise<RunningServer> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${dir}/index.html not found: run \`npm run build\` first`);
  }
  const headersFile = join(root, '_headers');
  const rules =
    !options.ignoreHeadersFile && existsSync(headersFile)
      ? parseHeaders(readFileSync(headersFile, 'utf8'))
      : [];
  const files = sirv(root, { dev: false, etag: true, gzip: true, extensions: ['html'] });
  const handler = (req: Parameters<typeof files>[0], res: Parameters<typeof files>[1]) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    for (const rule of rules) {
      if (rule.pattern.test(path)) for (const [k, v] of rule.headers) res.setHeader(k, v);
    }
    for (const [k, v] of Object.entries(options.headers ?? {})) res.setHeader(k, v);
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('Not found');
    });
  };

  const hosts = options.hosts ?? ['127.0.0.1', '::1'];
  const servers: Server[] = [];
  let port = options.port ?? 0;
  for (const host of hosts) {
    const server = createServer(handler);
    try {
      await new Promise<void>((ok, fail) => {
        server.once('error', fail);
        server.listen(port, host, () => ok());
      });
    } catch (error) {
      // A machine without IPv6 still serves on 127.0.0.1; anything else is fatal.
      if (host === '::1' && servers.length > 0) continue;
      await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
      throw error;
    }
    const address = server.address();
    if (address && typeof address === 'object') port = address.port;
    servers.push(server);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      Promise.all(
        servers.map((s) => {
          s.closeAllConnections();
          return new Promise<void>((ok) => s.close(() => ok()));
        }),
      ).then(() => undefined),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
  const portFlag = args.indexOf('--port');
  const port = portFlag >= 0 ? Number(args[portFlag + 1]) : 4173;
  serve(dir, { port }).then(
    (s) => console.log(`Map explainer: http://localhost:${s.port}/ (also ${s.url}/)`),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
