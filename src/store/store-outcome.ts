/**
 * The outcome of storing one input file, shared by the serial ingest (ingest-inputs) and the worker
 * pool's. Kept apart from the readers so a thread that only stores does not load them.
 */
import type { IngestResult } from './types.js';

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

type StoredOutcome = Extract<InputOutcome, { ok: true }>;

/** A file stored with nothing in it yet: what a file stored in parts starts from (see addOutcome). */
export function emptyOutcome(path: string, problems: string[]): StoredOutcome {
  return { path, ok: true, stored: 0, unchanged: 0, created: 0, joined: 0, folded: 0, problems };
}

/** The outcome with one more storeArticles call of the same file counted in. */
export function addOutcome(outcome: StoredOutcome, result: IngestResult): StoredOutcome {
  return {
    ...outcome,
    stored: outcome.stored + result.articles.filter((a) => a.status === 'stored').length,
    unchanged: outcome.unchanged + result.articles.filter((a) => a.status === 'unchanged').length,
    created: outcome.created + result.created,
    joined: outcome.joined + result.joined,
    folded: outcome.folded + result.folded,
  };
}

/** Why a file could not be stored, from what the store threw. */
export function storeError(error: unknown): string {
  return `could not be stored: ${(error as Error).message}`;
}
