/**
 * One input file into the store: read, run the pipeline on every article, store them in one
 * transaction. The outcome is a value: a bad file is reported and the batch goes on.
 */
import { readInput } from '../ingest/read.js';
import type { ReadOptions } from '../ingest/types.js';
import type { Pipeline } from '../pipeline.js';
import type { Article } from '../model/types.js';
import type { EventStore } from './types.js';
import { storeOutcome, type InputOutcome } from './store-outcome.js';

export { storeOutcome, type InputOutcome };

export function ingestInput(store: EventStore, pipeline: Pipeline, path: string, options: ReadOptions = {}): InputOutcome {
  const read = readInput(path, options);
  if (!read.ok) return { path, ok: false, error: read.error };
  let articles: Article[];
  try {
    articles = read.drafts.map((draft) => pipeline.process(draft));
  } catch (error) {
    return { path, ok: false, error: `the pipeline failed on it: ${(error as Error).message}` };
  }
  return storeOutcome(store, path, articles, read.problems);
}
