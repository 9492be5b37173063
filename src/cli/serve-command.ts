// `mppsim serve`: the what-if page (dist/web, built by `npm run build`) on a small static file server,
// on localhost unless told otherwise. It only serves files: the simulation runs in the browser.

import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServeArgs } from './serve-options.js';
import { EXIT_OK, UsageError, guard, type Io } from './io.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The built page: dist/web beside the compiled CLI (dist/bundle, dist/cli), or from src/cli under the test runner. */
export function webDir(): string {
  for (const candidate of ['../web/', '../../dist/web/']) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  return fileURLToPath(new URL('../web/', import.meta.url));
}

/**
 * Sent with every answer. The policy repeats the what-if page's own <meta> policy ('unsafe-eval': simjs's
 * bundle and vega's expressions are compiled with new Function) and adds what a <meta> cannot say: no
 * framing. A report folder's page is stricter still by its own <meta> (no scripts at all).
 */
export const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
  'Referrer-Policy': 'no-referrer',
} as const;

/** A static file server for `root`: GET and HEAD, no directory listings, no dotfiles, nothing outside `root`. */
export function staticServer(root: string): Server {
  const base = resolve(root);
  return createServer((request, response) => {
    const headers = SECURITY_HEADERS;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('bad request\n');
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = servedFile(base, path);
    if (!file) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': statSync(file).size });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
}

/**
 * The regular file a request path names, or undefined. Dotfiles and dot-folders (.git, .env) are never
 * served, and a symbolic link counts by where it leads: the real path must be inside the real root.
 */
function servedFile(base: string, path: string): string | undefined {
  if (path.includes('\0') || path.split(/[\\/]/).some((segment) => segment.startsWith('.'))) return undefined;
  try {
    const realBase = realpathSync(base);
    const file = realpathSync(resolve(base, `.${normalize(path)}`));
    const inside = file.startsWith(realBase.endsWith(sep) ? realBase : realBase + sep);
    return inside && statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

export function serveCommand(args: ServeArgs, io: Io): Promise<number> {
  return guard(io, async () => {
    const dir = args.dir ?? webDir();
    if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new UsageError(`--port: expected a port number from 0 to 65535, got ${args.port}`);
    if (!existsSync(join(dir, 'index.html'))) {
      throw new UsageError(`${dir}: no index.html; build the what-if page first with \`npm run build\` (or name a folder with --dir)`);
    }
    const server = staticServer(dir);
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new UsageError(`--port ${args.port}: already in use on ${args.host}; choose another (or --port 0 for any free one)`) : error),
      );
      server.listen(args.port, args.host, resolveListen);
    });
    const { port } = server.address() as AddressInfo;
    const host = args.host.includes(':') ? `[${args.host}]` : args.host;
    io.out(`mppsim what-if page: http://${host}:${port}/`);
    if (!args.quiet) io.out(`serving ${dir}; press Ctrl-C to stop`);
    // Until Ctrl-C or SIGTERM, which end the process (src/cli/signals.ts).
    await new Promise<void>((done) => server.once('close', done));
    return EXIT_OK;
  });
}

