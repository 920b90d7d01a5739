import type { ArticleDraft } from '../model/doc.js';

/** Options every reader accepts. */
export interface ReadOptions {
  /** Publication date (YYYY-MM-DD) for inputs whose metadata does not carry one. */
  published?: string | null;
  /** Refuse inputs larger than this many bytes (default 20 MB). */
  maxBytes?: number;
  /** Input format; detected from the extension and the content when absent. */
  format?: InputFormat;
}

export type InputFormat = 'text' | 'html' | 'jsonl' | 'feed';

/**
 * A read input is a value, never an exception: a bad file is reported and the batch goes on.
 * `problems` lists parts of an otherwise readable input that were skipped (a malformed JSONL line).
 */
export type InputResult =
  | { path: string; ok: true; drafts: ArticleDraft[]; problems: string[] }
  | { path: string; ok: false; error: string };
