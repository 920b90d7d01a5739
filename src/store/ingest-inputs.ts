/**
 * One input file into the store: read, run the pipeline on every article, store them in one
 * transaction. The outcome is a value: a bad file is reported and the batch goes on.
 */
import { readInput } from '../ingest/read.js';
import type { ReadOptions } from '../ingest/types.js';
import type { Pipeline } from '../pipeline.js';
import type { Article } from '../model/types.js';
import type { EventStore } from './types.js';

export type InputOutcome =
  | {
      path: string;
      ok: true;
      stored: number;
      unchanged: number;
      created: number;
      joined: number;
      folded: number;
      /** Skipped parts of an otherwise readable input (a malformed JSONL line). */
      problems: string[];
    }
  | { path: string; ok: false; error: string };

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

/**
 * Stores one file's articles in one transaction and counts what happened; a store failure is the
 * file's outcome, not an exception. Shared by the serial ingest and the worker pool's.
 */
export function storeOutcome(store: EventStore, path: string, articles: Article[], problems: string[]): InputOutcome {
  try {
    const result = store.storeArticles(articles);
    return {
      path,
      ok: true,
      stored: result.articles.filter((a) => a.status === 'stored').length,
      unchanged: result.articles.filter((a) => a.status === 'unchanged').length,
      created: result.created,
      joined: result.joined,
      folded: result.folded,
      problems,
    };
  } catch (error) {
    return { path, ok: false, error: `could not be stored: ${(error as Error).message}` };
  }
}
