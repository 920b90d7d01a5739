/**
 * The outcome of storing one input file, shared by the serial ingest (ingest-inputs) and the worker
 * pool's. Kept apart from the readers so a thread that only stores does not load them.
 */
import type { Article } from '../model/types.js';
import type { PackedArticle } from './packed-article.js';
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

/**
 * Stores one file's articles in one transaction and counts what happened; a store failure is the
 * file's outcome, not an exception. Shared by the serial ingest and the worker pool's.
 */
export function storeOutcome(store: EventStore, path: string, articles: (Article | PackedArticle)[], problems: string[]): InputOutcome {
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
