/**
 * `sitrep ingest PATH... [--db sitrep.db]`: run the pipeline and store articles and merged events.
 * Each file is one transaction; a bad file is reported on one line and skipped (exit code 2).
 */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { expandInputs } from '../../ingest/read.js';
import type { InputFormat } from '../../ingest/types.js';
import { createPipeline } from '../../pipeline.js';
import { ingestInput } from '../../store/ingest-inputs.js';
import { existsSync } from 'node:fs';
import { openSqliteStore, StoreError, type EventStore } from '../../store/index.js';
import { EXIT_BAD_INPUT, UserError } from '../errors.js';
import { collect, inputFormatOption, positiveInteger, publishedOption } from '../options.js';

export interface IngestOptions {
  db: string;
  published?: string;
  inputFormat?: InputFormat;
  actors?: string[];
  gazetteer?: string[];
  maxBytes?: number;
  /** Force the plain-count progress (tests, logs) even on a terminal. */
  quiet?: boolean;
}

export interface IngestTotals {
  files: number;
  badFiles: number;
  stored: number;
  unchanged: number;
  created: number;
  joined: number;
  folded: number;
}

/**
 * Opens the store for a command (shared by ingest, serve, export, explain, demo): a database that
 * cannot be used is a one-line user error. Reading commands pass mustExist so a typo in --db does
 * not silently create an empty database.
 */
export function openStore(path: string, mustExist = false): EventStore {
  if (mustExist && !existsSync(path)) throw new UserError(`${path}: no such database (create it with sitrep ingest)`);
  try {
    return openSqliteStore(path);
  } catch (error) {
    if (error instanceof StoreError) throw new UserError(error.message);
    throw error;
  }
}

/** Plain counts off a terminal: one line every this many files, so logs stay short. */
const PLAIN_PROGRESS_EVERY = 100;

export function runIngest(inputs: string[], options: IngestOptions): IngestTotals {
  const { files, errors } = expandInputs(inputs);
  const totals: IngestTotals = { files: files.length + errors.length, badFiles: 0, stored: 0, unchanged: 0, created: 0, joined: 0, folded: 0 };
  const report = (path: string, problem: string) => process.stderr.write(`sitrep: ${path}: ${problem}\n`);
  for (const error of errors) {
    if (!error.ok) report(error.path, error.error);
    totals.badFiles += 1;
  }
  const store = openStore(options.db);
  const pipeline = createPipeline({ actorFiles: options.actors, gazetteerFiles: options.gazetteer });
  const bar =
    process.stderr.isTTY && !options.quiet && files.length > 1
      ? new cliProgress.SingleBar(
          { format: 'ingest [{bar}] {value}/{total} files | {stored} new articles | {events} events', stream: process.stderr },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(files.length, 0, { stored: 0, events: 0 });
  try {
    files.forEach((file, i) => {
      const outcome = ingestInput(store, pipeline, file, {
        published: options.published ?? null,
        maxBytes: options.maxBytes,
        format: options.inputFormat,
      });
      if (!outcome.ok) {
        totals.badFiles += 1;
        // Erase the bar's line first so the report is not glued to it; the next update redraws the bar.
        if (bar) process.stderr.write('\r\x1b[2K');
        report(outcome.path, outcome.error);
      } else {
        for (const problem of outcome.problems) report(outcome.path, problem);
        if (outcome.problems.length) totals.badFiles += 1;
        totals.stored += outcome.stored;
        totals.unchanged += outcome.unchanged;
        totals.created += outcome.created;
        totals.joined += outcome.joined;
        totals.folded += outcome.folded;
      }
      if (bar) bar.update(i + 1, { stored: totals.stored, events: totals.created - totals.folded });
      else if ((i + 1) % PLAIN_PROGRESS_EVERY === 0) process.stderr.write(`ingest: ${i + 1}/${files.length} files\n`);
    });
  } finally {
    bar?.stop();
    store.close();
  }
  return totals;
}

export function describeTotals(totals: IngestTotals, db: string): string {
  const files = `${totals.files} file${totals.files === 1 ? '' : 's'}${totals.badFiles ? ` (${totals.badFiles} with problems)` : ''}`;
  return (
    `ingested ${files} into ${db}: ${totals.stored} new article(s), ${totals.unchanged} unchanged; ` +
    `${totals.created} new event(s), ${totals.joined} report(s) merged into existing events, ${totals.folded} event(s) folded`
  );
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('run the pipeline on inputs and store articles and merged events in a database')
    .argument('<inputs...>', 'text, HTML, JSONL or feed files, folders, or - for stdin')
    .option('--db <file>', 'SQLite database (created when missing)', 'sitrep.db')
    .option('--published <date>', 'publication date (YYYY-MM-DD) when the input does not carry one', publishedOption)
    .option('--input-format <format>', 'force the input format: text, html, jsonl, feed', inputFormatOption)
    .option('--actors <file>', 'extra actor dictionary (YAML), repeatable', collect)
    .option('--gazetteer <file>', 'extra gazetteer supplement, repeatable', collect)
    .option('--max-bytes <n>', 'refuse inputs larger than this (default 20 MB)', positiveInteger)
    .action((inputs: string[], options: IngestOptions) => {
      const totals = runIngest(inputs, options);
      process.stdout.write(describeTotals(totals, options.db) + '\n');
      if (totals.badFiles) process.exitCode = EXIT_BAD_INPUT;
    });
}
