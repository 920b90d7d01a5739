/**
 * `sitrep extract FILE... [--published D] [--format json|jsonl] [--workers N]`: scraped news in, one
 * structured JSON document out. Bad inputs are reported one line each on stderr (exit code 2); the
 * others are processed. With --workers N (N > 1) worker threads read and process the files and send
 * back each article already written out as JSON; this thread puts those texts together in input order,
 * so the output is byte for byte the one-process output.
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { closeSync, openSync, renameSync, rmSync } from 'node:fs';
import { fdWriter } from '../output.js';
import { expandInputs, readInput, STDIN } from '../../ingest/read.js';
import type { InputFormat, ReadOptions } from '../../ingest/types.js';
import type { Article } from '../../model/types.js';
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

/** What a run produced: the output as chunks to write in order, and whether any input had a problem. */
interface Extracted {
  chunks: string[];
  failed: boolean;
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

export function extractWorkerCount(requested: number | undefined, files: string[]): number {
  if (files.includes(STDIN)) return 1;
  return Math.max(1, Math.min(requested ?? 1, files.length));
}

async function extractInProcess(files: string[], options: ExtractOptions): Promise<Extracted> {
  // Imported here so that other commands do not load the pipeline's modules (about a second).
  const { createPipeline } = await import('../../pipeline.js');
  const pipeline = createPipeline({ actorFiles: options.actors, gazetteerFiles: options.gazetteer });
  let failed = false;
  const articles: Article[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const result = readInput(file, readOptions(options));
    if (reportReadProblems(result)) failed = true;
    if (!result.ok) continue;
    for (const [index, outcome] of pipeline.processBatch(result.drafts).entries()) {
      if (!outcome.ok) {
        // One article that breaks a stage is reported; the other articles and inputs go on.
        process.stderr.write(`sitrep: ${result.path}: article ${index + 1} could not be processed: ${outcome.error.message}\n`);
        failed = true;
        continue;
      }
      const { article } = outcome;
      // The same story read twice (two files, a repeated JSONL record) is one article.
      if (seen.has(article.id)) continue;
      seen.add(article.id);
      articles.push(article);
    }
  }
  const body =
    options.format === 'jsonl'
      ? articles.map((a) => JSON.stringify(a) + '\n').join('')
      : JSON.stringify({ articles }, null, 2) + '\n';
  return { chunks: [body], failed };
}

/**
 * The same run on worker threads (the pool ingest uses, made to send serialized articles). Results
 * come back in input order; a file's problems, and an article that broke a stage or crashed its
 * worker, are reported as they arrive, and the rest of the file is written.
 */
async function extractInWorkers(files: string[], options: ExtractOptions, workers: number): Promise<Extracted> {
  const { createSerializingPool, documentChunks, PoolStartError } = await import('../../workers/index.js');
  const pool = createSerializingPool(
    { workers, actorFiles: options.actors, gazetteerFiles: options.gazetteer, read: readOptions(options) },
    options.format,
  );
  let failed = false;
  const items: string[] = [];
  const seen = new Set<string>();
  try {
    await pool.run(files, (result) => {
      if (reportReadProblems(result)) failed = true;
      if (!result.ok) return;
      for (const article of result.articles) {
        if (seen.has(article.id)) continue;
        seen.add(article.id);
        items.push(article.json);
      }
    });
  } catch (error) {
    // The pipeline could not start in a worker (a bad --actors or --gazetteer file): the user's to fix.
    if (error instanceof PoolStartError) throw new UserError(error.message);
    throw error;
  } finally {
    await pool.close();
  }
  return { chunks: documentChunks(items, options.format), failed };
}

/** Writes in pieces of about this many characters: few system calls, and no single huge string. */
const WRITE_BATCH_CHARS = 1 << 20;

function writeChunks(fd: number, chunks: string[]): void {
  const write = fdWriter(fd);
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= WRITE_BATCH_CHARS) {
      write(pending);
      pending = '';
    }
  }
  if (pending) write(pending);
}

function writeOutput(chunks: string[], output: string | undefined): void {
  if (!output) {
    writeChunks(1, chunks);
    return;
  }
  // Written next to the target then renamed, so an interrupted run never leaves half a file.
  const temporary = `${output}.tmp-${process.pid}`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeChunks(fd, chunks);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, output);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
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
    .option('--max-bytes <n>', 'refuse inputs larger than this (default 20 MB)', positiveInteger)
    .option('--workers <n>', 'pipeline worker threads (default 1: this process; output is the same either way)', workersOption)
    .action(async (inputs: string[], options: ExtractOptions) => {
      const { files, errors } = expandInputs(inputs);
      for (const error of errors) if (!error.ok) process.stderr.write(`sitrep: ${error.path}: ${error.error}\n`);
      const workers = extractWorkerCount(options.workers, files);
      const extracted = workers > 1 ? await extractInWorkers(files, options, workers) : await extractInProcess(files, options);
      writeOutput(extracted.chunks, options.output);
      if (errors.length > 0 || extracted.failed) process.exitCode = EXIT_BAD_INPUT;
    });
}
