/**
 * `sitrep extract FILE... [--published D] [--format json|jsonl] [--workers N]`: scraped news in, one
 * structured JSON document out. Bad inputs are reported one line each on stderr (exit code 2); the
 * others are processed. With --workers N (N > 1) worker threads read and process the files and send
 * back each article already written out as JSON; this thread puts those texts together in input order,
 * so the output is byte for byte the one-process output.
 *
 * Articles are written as they are made (a few dozen at a time in this process), not kept for the end:
 * a 20 MB JSONL input makes about 330 MB of JSON, and kept as articles it took 2.5 GB.
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { closeSync, openSync, renameSync, rmSync } from 'node:fs';
import { fdWriter } from '../output.js';
import type { InputRef } from '../../ingest/pieces.js';
import { expandInputs, readInput, STDIN } from '../../ingest/read.js';
import type { InputFormat, ReadOptions } from '../../ingest/types.js';
import { DocumentWriter, serializeArticle } from '../../workers/article-json.js';
import { EXIT_BAD_INPUT, UserError } from '../errors.js';
import { collect, inputFormatOption, positiveInteger, publishedOption, workersOption } from '../options.js';

interface ExtractOptions {
  published?: string;
  format: 'json' | 'jsonl';
  output?: string;
  actors?: string[];
  gazetteer?: string[];
  maxBytes?: number;
  inputFormat?: InputFormat;
  workers?: number;
}

function readOptions(options: ExtractOptions): ReadOptions {
  return { published: options.published ?? null, maxBytes: options.maxBytes, format: options.inputFormat };
}

/**
 * Worker threads for the run: --workers, never more than there are files (default 1: this process;
 * starting workers costs about a second each). stdin cannot be read from a worker, so a run that
 * includes it stays in this process. 0 and 1 both mean this process.
 */
/**
 * Writes a file that could not be read, or the problems of one that was (a malformed JSONL line), to
 * stderr, one line each naming the file; true when there was any.
 */
function reportReadProblems(result: { ok: true; path: string; problems: string[] } | { ok: false; path: string; error: string }): boolean {
  if (!result.ok) {
    process.stderr.write(`sitrep: ${result.path}: ${result.error}\n`);
    return true;
  }
  for (const problem of result.problems) process.stderr.write(`sitrep: ${result.path}: ${problem}\n`);
  return result.problems.length > 0;
}

export function extractWorkerCount(requested: number | undefined, files: InputRef[]): number {
  if (files.includes(STDIN)) return 1;
  return Math.max(1, Math.min(requested ?? 1, files.length));
}

/** Runs the pipeline on the files in this process, writing each article as it is done; true when an input had a problem. */
async function extractInProcess(files: InputRef[], options: ExtractOptions, output: OutputFile): Promise<boolean> {
  // Imported here so that other commands do not load the pipeline's modules (about a second).
  const { createPipeline } = await import('../../pipeline.js');
  const pipeline = createPipeline({ actorFiles: options.actors, gazetteerFiles: options.gazetteer });
  const document = new DocumentWriter(options.format, output.write);
  let failed = false;
  const seen = new Set<string>();
  for (const file of files) {
    const result = readInput(file, readOptions(options));
    if (reportReadProblems(result)) failed = true;
    if (!result.ok) continue;
    // A group at a time, so that only one group's articles are in memory.
    for (const { offset, outcomes } of pipeline.processInGroups(result.drafts)) {
      for (const [index, outcome] of outcomes.entries()) {
        if (!outcome.ok) {
          // One article that breaks a stage is reported; the other articles and inputs go on.
          process.stderr.write(`sitrep: ${result.path}: article ${offset + index + 1} could not be processed: ${outcome.error.message}\n`);
          failed = true;
          continue;
        }
        const { article } = outcome;
        // The same story read twice (two files, a repeated JSONL record) is one article.
        if (seen.has(article.id)) continue;
        seen.add(article.id);
        document.item(serializeArticle(article, options.format));
      }
    }
  }
  document.end();
  return failed;
}

/**
 * The same run on worker threads (the pool ingest uses, made to send serialized articles). Results
 * come back in input order; a file's problems, and an article that broke a stage or crashed its
 * worker, are reported as they arrive, and the rest of the file is written.
 */
async function extractInWorkers(files: InputRef[], options: ExtractOptions, workers: number, output: OutputFile): Promise<boolean> {
  const { createSerializingPool, PoolStartError } = await import('../../workers/index.js');
  const pool = createSerializingPool(
    { workers, actorFiles: options.actors, gazetteerFiles: options.gazetteer, read: readOptions(options) },
    options.format,
  );
  const document = new DocumentWriter(options.format, output.write);
  let failed = false;
  const seen = new Set<string>();
  try {
    await pool.run(
      files,
      (result) => {
        if (reportReadProblems(result)) failed = true;
      },
      // Each group of articles is written as it comes, so no file's output is ever held whole here.
      (articles) => {
        for (const article of articles) {
          if (seen.has(article.id)) continue;
          seen.add(article.id);
          document.item(article.json);
        }
      },
    );
  } catch (error) {
    // The pipeline could not start in a worker (a bad --actors or --gazetteer file): the user's to fix.
    if (error instanceof PoolStartError) throw new UserError(error.message);
    throw error;
  } finally {
    await pool.close();
  }
  document.end();
  return failed;
}

/** Writes in pieces of about this many characters: few system calls, and no single huge string. */
const WRITE_BATCH_CHARS = 1 << 20;

/** The output of a run, written as it is made. */
interface OutputFile {
  write(text: string): void;
  /** Writes what is pending; a file output is then renamed into place. */
  finish(): void;
  /** A run that failed: a file output is removed, and the target left as it was. */
  abandon(): void;
}

/**
 * stdout, or a file written beside the target and renamed when the run is done, so an interrupted or
 * failed run never leaves half a file. (On stdout a run that fails half-way, which only a fault of
 * sitrep's own can make, has written the articles done until then.)
 */
function openOutput(target: string | undefined): OutputFile {
  const temporary = target ? `${target}.tmp-${process.pid}` : null;
  let fd = 1;
  if (temporary) {
    try {
      fd = openSync(temporary, 'w');
    } catch (error) {
      // Said before any input is read, not after the whole run.
      throw new UserError(`${target}: cannot write the output there (${(error as Error).message})`);
    }
  }
  const writeFd = fdWriter(fd);
  let pending = '';
  let open = temporary !== null;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  const flush = () => {
    if (pending) writeFd(pending);
    pending = '';
  };
  return {
    write(text) {
      pending += text;
      if (pending.length >= WRITE_BATCH_CHARS) flush();
    },
    finish() {
      flush();
      if (!temporary) return;
      close();
      renameSync(temporary, target!);
    },
    abandon() {
      pending = '';
      if (!temporary) return;
      close();
      rmSync(temporary, { force: true });
    },
  };
}

function outputFormat(value: string): 'json' | 'jsonl' {
  if (value !== 'json' && value !== 'jsonl') throw new InvalidArgumentError('expected json or jsonl');
  return value;
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract articles, entities, places, dates, quantities and events as JSON')
    .argument('<inputs...>', 'text, HTML, JSONL or feed files, folders, or - for stdin')
    .option('--published <date>', 'publication date (YYYY-MM-DD) when the input does not carry one; a comma-separated list dates a glued page story by story', publishedOption)
    .option('--format <format>', 'json (one document) or jsonl (one article a line)', outputFormat, 'json')
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .option('--input-format <format>', 'force the input format: text, html, jsonl, feed', inputFormatOption)
    .option('--actors <file>', 'extra actor dictionary (YAML), repeatable', collect)
    .option('--gazetteer <file>', 'extra gazetteer supplement, repeatable', collect)
    .option('--max-bytes <n>', 'refuse inputs larger than this (default 20 MB; a large JSONL file is read in pieces, so this limits each record)', positiveInteger)
    .option('--workers <n>', 'pipeline worker threads (default 1: this process; output is the same either way)', workersOption)
    .action(async (inputs: string[], options: ExtractOptions) => {
      const { files, errors } = expandInputs(inputs, { format: options.inputFormat, published: options.published, maxBytes: options.maxBytes });
      for (const error of errors) if (!error.ok) process.stderr.write(`sitrep: ${error.path}: ${error.error}\n`);
      const workers = extractWorkerCount(options.workers, files);
      const output = openOutput(options.output);
      let failed: boolean;
      try {
        failed = workers > 1 ? await extractInWorkers(files, options, workers, output) : await extractInProcess(files, options, output);
        output.finish();
      } catch (error) {
        output.abandon();
        throw error;
      }
      if (errors.length > 0 || failed) process.exitCode = EXIT_BAD_INPUT;
    });
}
