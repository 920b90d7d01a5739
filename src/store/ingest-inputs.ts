/**
 * Input files into the store in this process: read each, run the pipeline on every article, store
 * them (several files a commit, see grouped-files.ts). Outcomes are values: a bad file is reported and
 * the batch goes on.
 */
import { readInput } from '../ingest/read.js';
import type { ReadOptions } from '../ingest/types.js';
import type { Pipeline } from '../pipeline.js';
import type { Article } from '../model/types.js';
import type { EventStore } from './types.js';
import { GroupedFileStorer, type GroupLimits } from './grouped-files.js';
import type { InputOutcome } from './store-outcome.js';

export type { InputOutcome };

/** One file read and through the pipeline, or why not. */
type ProcessedInput =
  | { path: string; ok: true; articles: Article[]; problems: string[] }
  | { path: string; ok: false; error: string };

function processInput(pipeline: Pipeline, path: string, options: ReadOptions = {}): ProcessedInput {
  const read = readInput(path, options);
  if (!read.ok) return { path, ok: false, error: read.error };
  try {
    return { path, ok: true, articles: read.drafts.map((draft) => pipeline.process(draft)), problems: read.problems };
  } catch (error) {
    return { path, ok: false, error: `the pipeline failed on it: ${(error as Error).message}` };
  }
}

/** Ingests the files in order; `report` sees each file's outcome, in order, once it is committed. */
export function ingestInputs(
  store: EventStore,
  pipeline: Pipeline,
  paths: string[],
  options: ReadOptions,
  report: (outcome: InputOutcome) => void,
  limits?: GroupLimits,
): void {
  const storer = new GroupedFileStorer(store, (outcome) => report(outcome), limits);
  try {
    paths.forEach((path, index) => {
      const input = processInput(pipeline, path, options);
      if (input.ok) storer.storeFile(path, input.articles, input.problems, index);
      else storer.refuseFile(input, index);
    });
  } finally {
    storer.flush();
  }
}
