/**
 * `sitrep serve [--db sitrep.db] [--port 8080] [--host 127.0.0.1]`: the HTTP API and the dashboard.
 * Loopback by default; bound elsewhere, writes need SITREP_TOKEN.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { existsSync } from 'node:fs';
import { listen, isLoopback, type RunningServer } from '../../server/index.js';
import type { EventStore } from '../../store/index.js';
import { UserError } from '../errors.js';
import { collect, positiveInteger } from '../options.js';
import { openStore } from './ingest.js';

export interface ServeOptions {
  db: string;
  port: number;
  host: string;
  actors?: string[];
  gazetteer?: string[];
  maxBodyBytes?: number;
}

export function portOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`expected a port 0-65535, got "${value}"`);
  return n;
}

/** Starts serving an open store until the process is stopped (Ctrl-C closes the store cleanly). */
export async function serveStore(store: EventStore, options: ServeOptions): Promise<RunningServer> {
  const token = process.env.SITREP_TOKEN || null;
  // Loaded with the server, not with every CLI command: the pipeline's modules take about a second.
  const { createPipeline } = await import('../../pipeline.js');
  let server: RunningServer;
  try {
    server = await listen({
      store,
      host: options.host,
      port: options.port,
      token,
      maxBodyBytes: options.maxBodyBytes,
      pipeline: () => createPipeline({ actorFiles: options.actors, gazetteerFiles: options.gazetteer }),
    });
  } catch (error) {
    store.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(`${options.host}:${options.port} is already in use (try --port)`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UserError(`cannot bind ${options.host}: no such local address`);
    throw error;
  }
  if (!isLoopback(options.host) && !token) {
    process.stderr.write('sitrep serve: reachable beyond loopback without SITREP_TOKEN: POST /api/documents is disabled\n');
  }
  process.stdout.write(`sitrep dashboard: ${server.url}/  (API: ${server.url}/api/events, Ctrl-C to stop)\n`);
  const stop = () => {
    void server.close().then(() => {
      store.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and the map dashboard')
    .option('--db <file>', 'SQLite database', 'sitrep.db')
    .option('--port <port>', 'port (0 picks a free one)', portOption, 8080)
    .option('--host <host>', 'address to bind; anything but loopback needs SITREP_TOKEN for writes', '127.0.0.1')
    .option('--actors <file>', 'extra actor dictionary (YAML) for POST /api/documents, repeatable', collect)
    .option('--gazetteer <file>', 'extra gazetteer supplement for POST /api/documents, repeatable', collect)
    .option('--max-body-bytes <n>', 'largest accepted request body (default 2 MB)', positiveInteger)
    .action(async (options: ServeOptions) => {
      // A missing database is created (POST /api/documents can fill it), but said out loud: it is
      // more often a typo in --db than an intention.
      if (!existsSync(options.db)) process.stderr.write(`sitrep serve: ${options.db} did not exist: serving a new, empty database\n`);
      await serveStore(openStore(options.db), options);
    });
}
