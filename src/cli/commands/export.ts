/**
 * `sitrep export [--db] --format csv|geojson|jsonl [--since T] [-o FILE]`: the whole dataset, or what
 * changed since T (changed events, plus deleted ones with the event they were merged into).
 */
import { InvalidArgumentError, type Command } from 'commander';
import { closeSync, openSync, renameSync } from 'node:fs';
import { fdWriter } from '../output.js';
import { EXPORT_FORMATS, exportEvents, type ExportFormat } from '../../store/export/index.js';
import { openStore } from './ingest.js';

function formatOption(value: string): ExportFormat {
  if (!EXPORT_FORMATS.includes(value as ExportFormat)) throw new InvalidArgumentError(`expected ${EXPORT_FORMATS.join(', ')}`);
  return value as ExportFormat;
}

/** Accepts 2024-03-01 or a full ISO 8601 time; the store compares normalised UTC timestamps. */
export function sinceOption(value: string): string {
  const time = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw new InvalidArgumentError(`expected an ISO 8601 date or time like 2024-03-01T12:00:00Z, got "${value}"`);
  return new Date(time).toISOString();
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export events as ACLED-column CSV, GeoJSON or JSON lines; --since for changes only')
    .option('--db <file>', 'SQLite database', 'sitrep.db')
    .option('--format <format>', 'csv, geojson or jsonl', formatOption, 'csv')
    .option('--since <time>', 'only events changed or deleted since this ISO 8601 time', sinceOption)
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .action((options: { db: string; format: ExportFormat; since?: string; output?: string }) => {
      const store = openStore(options.db, true);
      try {
        if (!options.output) {
          try {
            exportEvents(store, options.format, fdWriter(1), options.since);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
          }
          return;
        }
        const temporary = `${options.output}.tmp-${process.pid}`;
        const fd = openSync(temporary, 'w');
        try {
          exportEvents(store, options.format, fdWriter(fd), options.since);
        } finally {
          closeSync(fd);
        }
        renameSync(temporary, options.output);
      } finally {
        store.close();
      }
    });
}
