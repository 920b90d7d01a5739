/**
 * `sitrep ingest PATH... [--db sitrep.db] [--workers N]`: run the pipeline and store articles and
 * merged events. With more than one file (a large JSONL file counts as its pieces, see
 * ingest/pieces.ts) the pipeline runs on a pool of worker threads (one per core but one) while this
 * thread stores each file all or nothing, in input order; one small file, stdin, `--workers 0` or a
 * one-core machine run in this process. A bad file, or an article that crashes its
 * worker, is reported on one line and skipped (exit code 2); Ctrl-C stops after the files in progress
 * (exit code 130) and the same command run again stores only what is missing.
 */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { inputLabel, inputPath, type InputRef } from '../../ingest/pieces.js';
import { expandInputs, STDIN } from '../../ingest/read.js';
import type { InputFormat } from '../../ingest/types.js';
import { ingestInputs, type InputOutcome } from '../../store/ingest-inputs.js';
import { existsSync } from 'node:fs';
import { openSqliteStore, StoreError, type EventStore } from '../../store/index.js';
import { defaultIngestWorkers, ingestFilesInParallel, PoolStartError, stopPoolOnInterrupt } from '../../workers/index.js';
import { EXIT_BAD_INPUT, UserError } from '../errors.js';
import { collect, inputFormatOption, positiveInteger, publishedOption, workersOption } from '../options.js';

export interface IngestOptions {
  db: string;
  published?: string;
  inputFormat?: InputFormat;
  actors?: string[];
  gazetteer?: string[];
  maxBytes?: number;
  /** Force the plain-count progress (tests, logs) even on a terminal. */
  quiet?: boolean;
  /** Pipeline worker threads besides this (storing) thread; 0 runs in this process. Default: see workerCount. */
  workers?: number;
  /** Size of the pieces a large JSONL file is read in (default JSONL_PIECE_BYTES; tests set it low). */
  pieceBytes?: number;
}

export interface IngestTotals {
  files: number;
  badFiles: number;
  stored: number;
  unchanged: number;
  created: number;
  joined: number;
  folded: number;
  /** Files (or pieces of large JSONL files, see `pieces`) left for a re-run because the run was interrupted (Ctrl-C). */
  notStarted: number;
  /** Whether some file was read in pieces (ingest counts those, not files, as it goes). */
  pieces: boolean;
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

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
export const EXIT_INTERRUPTED = 130;

/**
 * Worker threads for the pipeline, besides this thread which stores: --workers when given, else one per
 * core but one (defaultIngestWorkers) when there are several inputs, files or pieces of a large JSONL
 * file (starting workers costs about a second: not worth it for one small file). Unlike extract, one worker is worth having here: it runs the
 * pipeline while this thread stores. stdin cannot be read from a worker, so a run that includes it
 * stays in this process. 0 means this process.
 */
export function workerCount(requested: number | undefined, files: InputRef[]): number {
  if (files.includes(STDIN)) return 0;
  const count = requested ?? (files.length > 1 ? defaultIngestWorkers() : 0);
  return Math.min(count, files.length);
}

/** Totals and what the user sees while files are stored: a bar on a terminal, plain counts otherwise. */
class IngestProgress {
  readonly totals: IngestTotals;
  private readonly bar: cliProgress.SingleBar | null;
  private done = 0;

  private readonly fileCount: number;
  private readonly unit: string;
  /** The file each input (by its label) belongs to, and the files with a problem: a file counts once, whatever its pieces. */
  private readonly fileOf: Map<string, string>;
  private readonly badFiles = new Set<string>();

  constructor(inputs: InputRef[], badPaths: { path: string; error: string }[], quiet: boolean) {
    // A large JSONL file is read and stored in pieces: progress counts those, the totals files.
    this.fileCount = inputs.length;
    const pieces = inputs.some((input) => typeof input !== 'string');
    this.unit = pieces ? 'pieces' : 'files';
    this.fileOf = new Map(inputs.map((input) => [inputLabel(input), inputPath(input)]));
    const files = new Set(this.fileOf.values()).size + badPaths.length;
    this.totals = { files, badFiles: 0, stored: 0, unchanged: 0, created: 0, joined: 0, folded: 0, notStarted: 0, pieces };
    for (const bad of badPaths) this.problem(bad.path, bad.error, true);
    this.bar =
      process.stderr.isTTY && !quiet && this.fileCount > 1
        ? new cliProgress.SingleBar(
            { format: `ingest [{bar}] {value}/{total} ${this.unit} | {stored} new articles | {events} events`, stream: process.stderr },
            cliProgress.Presets.shades_classic,
          )
        : null;
    this.bar?.start(this.fileCount, 0, { stored: 0, events: 0 });
  }

  /** One line on stderr. Erases the bar's line first so the two are not glued; the next update redraws the bar. */
  note(line: string): void {
    if (this.bar) process.stderr.write('\r\x1b[2K');
    process.stderr.write(line + '\n');
  }

  /** A problem with one file; `counts` marks the file as one with problems. */
  problem(path: string, message: string, counts: boolean): void {
    this.note(`sitrep: ${path}: ${message}`);
    if (counts) this.countBad(path);
  }

  private countBad(path: string): void {
    this.badFiles.add(this.fileOf.get(path) ?? path);
    this.totals.badFiles = this.badFiles.size;
  }

  record(outcome: InputOutcome): void {
    const totals = this.totals;
    if (!outcome.ok) {
      this.problem(outcome.path, outcome.error, true);
    } else {
      for (const problem of outcome.problems) this.problem(outcome.path, problem, false);
      if (outcome.problems.length) this.countBad(outcome.path);
      totals.stored += outcome.stored;
      totals.unchanged += outcome.unchanged;
      totals.created += outcome.created;
      totals.joined += outcome.joined;
      totals.folded += outcome.folded;
    }
    this.done += 1;
    if (this.bar) this.bar.update(this.done, { stored: totals.stored, events: totals.created - totals.folded });
    else if (this.done % PLAIN_PROGRESS_EVERY === 0) process.stderr.write(`ingest: ${this.done}/${this.fileCount} ${this.unit}\n`);
  }

  stop(): IngestTotals {
    this.bar?.stop();
    this.totals.notStarted = this.fileCount - this.done;
    return this.totals;
  }
}

type ExpandedInputs = ReturnType<typeof expandInputs>;

function startProgress({ files, errors }: ExpandedInputs, options: IngestOptions): IngestProgress {
  const bad = errors.map((error) => ({ path: error.path, error: error.ok ? 'unreadable' : error.error }));
  return new IngestProgress(files, bad, options.quiet ?? false);
}

function expandOptions(options: IngestOptions) {
  return { format: options.inputFormat, published: options.published, maxBytes: options.maxBytes, pieceBytes: options.pieceBytes };
}

function readOptions(options: IngestOptions) {
  return { published: options.published ?? null, maxBytes: options.maxBytes, format: options.inputFormat };
}

/**
 * Ingest in this process, file after file (one file, stdin, --workers 0, and the demo). Ctrl-C ends
 * the process at once: the files stored since the last commit (at most about a second's worth) were
 * one open transaction, which SQLite discards, and were not reported; the next run stores them.
 */
export function runIngest(inputs: string[], options: IngestOptions): Promise<IngestTotals> {
  return ingestInProcess(expandInputs(inputs, expandOptions(options)), options);
}

async function ingestInProcess(inputs: ExpandedInputs, options: IngestOptions): Promise<IngestTotals> {
  // Imported here, not at the top: with workers this thread only stores, and loading the pipeline's
  // modules (wink model, chrono, lexicons) would cost it about a second and 90 MB for nothing.
  const { createPipeline } = await import('../../pipeline.js');
  const progress = startProgress(inputs, options);
  const store = openStore(options.db);
  try {
    const pipeline = createPipeline({ actorFiles: options.actors, gazetteerFiles: options.gazetteer });
    ingestInputs(store, pipeline, inputs.files, readOptions(options), (outcome) => progress.record(outcome));
  } finally {
    progress.stop();
    store.close();
  }
  return progress.totals;
}

/**
 * Ingest on worker threads. Workers read and process files; this thread stores each one as it
 * arrives, in input order (several files a commit), so the database is the one a serial run would write.
 * An article that crashes or hangs its worker is reported and the rest of its file stored.
 */
async function ingestInWorkers(inputs: ExpandedInputs, options: IngestOptions, workers: number): Promise<IngestTotals> {
  const progress = startProgress(inputs, options);
  const store = openStore(options.db);
  let removeInterruptHandler = () => {};
  try {
    await ingestFilesInParallel(store, inputs.files, {
      workers,
      actorFiles: options.actors,
      gazetteerFiles: options.gazetteer,
      read: readOptions(options),
      onPool: (pool) => {
        removeInterruptHandler = stopPoolOnInterrupt(pool, (line) => progress.note(line));
      },
      onOutcome: (outcome) => progress.record(outcome),
    });
  } catch (error) {
    // The pool could not start its pipeline (a bad --actors or --gazetteer file): the user's to fix.
    if (error instanceof PoolStartError) throw new UserError(error.message);
    throw error;
  } finally {
    removeInterruptHandler();
    progress.stop();
    store.close();
  }
  return progress.totals;
}

/** `sitrep ingest` as the command runs it: on workers or in this process (see workerCount). */
export async function ingestPaths(paths: string[], options: IngestOptions): Promise<IngestTotals> {
  const inputs = expandInputs(paths, expandOptions(options));
  const workers = workerCount(options.workers, inputs.files);
  return workers > 0 ? ingestInWorkers(inputs, options, workers) : ingestInProcess(inputs, options);
}

export function describeTotals(totals: IngestTotals, db: string): string {
  const files = `${totals.files} file${totals.files === 1 ? '' : 's'}${totals.badFiles ? ` (${totals.badFiles} with problems)` : ''}`;
  return (
    `ingested ${files} into ${db}: ${totals.stored} new article(s), ${totals.unchanged} unchanged; ` +
    `${totals.created} new event(s), ${totals.joined} report(s) merged into existing events, ${totals.folded} event(s) folded` +
    (totals.notStarted
      ? `; interrupted: ${totals.notStarted} ${totals.pieces ? 'file piece(s)' : 'file(s)'} not ingested (run the same command again to resume)`
      : '')
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
    .option('--max-bytes <n>', 'refuse inputs larger than this (default 20 MB; a large JSONL file is read in pieces, so this limits each record)', positiveInteger)
    .option('--workers <n>', 'pipeline worker threads besides the storing one (default: one per core but one, for several files; 0: none)', workersOption)
    .action(async (inputs: string[], options: IngestOptions) => {
      const totals = await ingestPaths(inputs, options);
      process.stdout.write(describeTotals(totals, options.db) + '\n');
      if (totals.notStarted) process.exitCode = EXIT_INTERRUPTED;
      else if (totals.badFiles) process.exitCode = EXIT_BAD_INPUT;
    });
}
