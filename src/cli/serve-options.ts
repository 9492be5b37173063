// `mppsim serve`'s options: what yargs needs to parse and to print --help. The handler,
// serve-command.ts, is imported only when the command runs (main.ts); keep this module's imports light.

import type { Argv } from 'yargs';

export interface ServeArgs {
  port: number;
  host: string;
  dir?: string;
  quiet?: boolean;
}

export function serveOptions<T>(y: Argv<T>) {
  return y
    .option('port', { type: 'number', default: 8019, describe: 'port to listen on (0: any free port)' })
    .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to listen on (0.0.0.0 shares the page on your network)' })
    .option('dir', { type: 'string', describe: 'folder to serve (default: the built page, dist/web)' })
    .option('quiet', { type: 'boolean', default: false, describe: 'print only the address' });
}
