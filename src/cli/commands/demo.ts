/**
 * `sitrep demo [--db sitrep-demo.db] [--no-serve]` (what `npm start` runs): ingest the bundled demo
 * corpus into a fresh embedded database and serve the dashboard on loopback.
 */
import type { Command } from 'commander';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import { describeTotals, openStore, runIngest } from './ingest.js';
import { portOption, serveStore } from './serve.js';

export const DEMO_CORPUS = fileURLToPath(new URL('../../../data/demo/', import.meta.url));

interface DemoOptions {
  db: string;
  serve: boolean;
  port: number;
  host: string;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('ingest the bundled demo corpus (data/demo/) into a fresh database and serve the dashboard')
    .option('--db <file>', 'database to (re)create', 'sitrep-demo.db')
    .option('--no-serve', 'only ingest (for tests and scripts)')
    .option('--port <port>', 'port', portOption, 8080)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .action(async (options: DemoOptions) => {
      // Rebuilt every time, so the demo always shows what the current pipeline extracts.
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${options.db}${suffix}`, { force: true });
      const totals = await runIngest([DEMO_CORPUS], { db: options.db });
      process.stdout.write(describeTotals(totals, options.db) + '\n');
      if (totals.badFiles) throw new UserError(`the demo corpus in ${DEMO_CORPUS} has unreadable files (see above)`);
      if (!options.serve) return;
      await serveStore(openStore(options.db, true), { db: options.db, port: options.port, host: options.host });
    });
}
