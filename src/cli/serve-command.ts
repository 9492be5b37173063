// `mppsim serve`: the what-if page (dist/web, built by `npm run build`) on a small static file server,
// on localhost unless told otherwise. It only serves files: the simulation runs in the browser.

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv } from 'yargs';
import { EXIT_OK, UsageError, guard, type Io } from './io.js';

export interface ServeArgs {
  port: number;
  host: string;
  dir?: string;
  quiet?: boolean;
}

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

/** The built page: dist/web beside the compiled CLI (dist/cli), or from src/cli under the test runner. */
export function webDir(): string {
  for (const candidate of ['../web/', '../../dist/web/']) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  return fileURLToPath(new URL('../web/', import.meta.url));
}

export function serveOptions<T>(y: Argv<T>) {
  return y
    .option('port', { type: 'number', default: 8019, describe: 'port to listen on (0: any free port)' })
    .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to listen on (0.0.0.0 shares the page on your network)' })
    .option('dir', { type: 'string', describe: 'folder to serve (default: the built page, dist/web)' })
    .option('quiet', { type: 'boolean', default: false, describe: 'print only the address' });
}

/** A static file server for `root`: GET and HEAD, no directory listings, nothing outside `root`. */
export function staticServer(root: string): Server {
  const base = resolve(root);
  return createServer((request, response) => {
    const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache', 'Referrer-Policy': 'no-referrer' };
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
    const file = resolve(base, `.${normalize(path)}`);
    const inside = file === base || file.startsWith(base.endsWith(sep) ? base : base + sep);
    if (!inside || path.includes('\0') || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': statSync(file).size });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
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

/** The yargs command module, registered in main.ts. */
export function serveCommandModule(io: Io, done: (code: number) => void) {
  return {
    command: 'serve',
    describe: 'serve the what-if page (the simulator in the browser, with capacity sliders) on localhost',
    builder: <T>(y: Argv<T>) => serveOptions(y),
    handler: async (args: ServeArgs) => done(await serveCommand(args, io)),
  };
}
