/**
 * The worker pool's public types and the messages between the main thread and the workers.
 * Workers read files and run the pipeline; the main thread receives finished articles and is the only
 * writer to the store, so SQLite never sees two writers and each file stays one transaction.
 */
import type { InputRef } from '../ingest/pieces.js';
import type { ReadOptions } from '../ingest/types.js';
import type { Article } from '../model/types.js';
import type { PackedArticle } from '../store/packed-article.js';

/** Faults a worker injects on purpose, for tests only: a document whose text contains the marker. */
export interface FaultInjection {
  /** The worker exits abruptly (as a native crash or process.exit in a dependency would). */
  exitOn?: string;
  /** A stage throws. */
  throwOn?: string;
  /** A stage never returns (as a catastrophic regex would). */
  hangOn?: string;
}

export interface PoolOptions {
  /** Number of worker threads (default: all cores). */
  workers?: number;
  /** Extra actor dictionaries and gazetteer supplements, as for createPipeline. */
  actorFiles?: string[];
  gazetteerFiles?: string[];
  read?: ReadOptions;
  /**
   * A stage (or the read) that runs longer than this on one article is stopped: the worker is
   * replaced and the article reported. Default 60 s, far above any sane article.
   */
  stageTimeoutMs?: number;
  /** Heap limit of each worker: a runaway document exhausts its worker, not the process. */
  workerHeapMb?: number;
  /** How many files may be read ahead of the consumer (default 4 per worker). */
  window?: number;
  /** Test-only: see FaultInjection. Also read from SITREP_WORKER_FAULTS (JSON) in the environment. */
  faults?: FaultInjection;
}

/** Why a file, or one article of it, was not processed. */
export type FailureKind = 'read' | 'pipeline' | 'crash' | 'timeout';

export interface ArticleFailure {
  /** Index of the article among the file's drafts (0-based). */
  index: number;
  title: string | null;
  kind: FailureKind;
  /** The stage that was running (sentences, tokens, ...), or "read". */
  stage: string | null;
  message: string;
}

/**
 * The outcome of one file, a value either way. A file is `ok` when at least one article came out;
 * articles that failed (a stage threw, the worker crashed or timed out on them) are listed in `failed`.
 */
/**
 * An article as the text `sitrep extract` writes for it, made in the worker. A whole Article crosses
 * the thread boundary by structured clone, object by object (every span of every layer), on both
 * sides; a string crosses as one copy. See article-json.ts for the two forms.
 */
export interface SerializedArticle {
  /** The article's id: extract drops a story read twice (two files, a repeated record) by it. */
  id: string;
  /** Exactly the text extract writes for the article, without the separator that follows it. */
  json: string;
  /** UTF-8 size of the article's text (the bench counts it as input processed). */
  textBytes: number;
}

/** What a pool can deliver per article; the pool's form (WorkerInit.form) says which. */
export type DeliveredArticle = Article | PackedArticle | SerializedArticle;

/**
 * How workers send articles back: whole, packed for the store (packArticle), or serialized as the
 * text of `sitrep extract --format jsonl` or `--format json` (article-json.ts).
 */
export type ArticleForm = 'whole' | 'packed' | 'jsonl' | 'json';

export type FileResult<A extends DeliveredArticle = Article> =
  | { path: string; ok: true; articles: A[]; problems: string[]; failed: ArticleFailure[]; ms: number }
  | { path: string; ok: false; error: string; kind: FailureKind; failed: ArticleFailure[] };

export interface RunSummary {
  files: number;
  delivered: number;
  /** Files never started because stop() was called. */
  skipped: number;
  stopped: boolean;
  /** Workers that crashed or were stopped for a timeout, and replaced. */
  workerRestarts: number;
}

// Messages ------------------------------------------------------------------------------------------

export interface WorkerInit {
  actorFiles: string[];
  gazetteerFiles: string[];
  read: ReadOptions;
  faults: FaultInjection;
  /** How finished articles are sent back: see ArticleForm. */
  form: ArticleForm;
  /** Int32Array over this: see STATUS_* below. */
  status: SharedArrayBuffer;
}

/** Live position of a worker, readable by the main thread even while the worker is stuck. */
export const STATUS_TASK = 0;
export const STATUS_ARTICLE = 1;
/** Index into the stage list, or -1 while reading the file. */
export const STATUS_STAGE = 2;
/** Incremented whenever a stage or a read finishes: the main thread's liveness signal. */
export const STATUS_BEAT = 3;
export const STATUS_SLOTS = 4;

export interface TaskMessage {
  type: 'task';
  task: number;
  input: InputRef;
  /** How results name the input (inputLabel). */
  path: string;
  /** Articles to leave out (they crashed or hung a worker on an earlier attempt, or came before it crashed). */
  skip: number[];
}

export type WorkerMessage =
  | { type: 'ready'; stages: string[] }
  /** The worker could not start (a bad actor or gazetteer file): no point in starting another. */
  | { type: 'fatal'; message: string }
  /**
   * Finished articles of a task, a group at a time and in the file's order, each with its index among
   * the file's drafts. They are the task's only articles: the `done` result that follows has none.
   */
  | { type: 'part'; task: number; articles: DeliveredArticle[]; indexes: number[] }
  | {
      type: 'done';
      task: number;
      result: FileResult<DeliveredArticle>;
      /** Milliseconds per stage (and "read") spent on this file. */
      timings: Record<string, number>;
    };
