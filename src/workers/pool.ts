/**
 * A pool of pipeline workers. Files go out to idle workers; results come back to the caller one at a
 * time and in input order (so storing them gives the same database as a serial run), with a bounded
 * read-ahead window so memory stays flat on any number of files.
 *
 * A worker that dies (crash, out of memory) or is stopped for running too long costs one article, not
 * the batch: shared memory says which article and stage it was on, that article is recorded as failed,
 * a fresh worker takes the file again without it, and the other files go on.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { inputLabel, type InputRef } from '../ingest/pieces.js';
import type { Article } from '../model/types.js';
import type { PackedArticle } from '../store/packed-article.js';
import type { ExtractFormat } from './article-json.js';
import { describeFailure } from './failures.js';
import { spawnPipelineWorker } from './spawn-worker.js';
import {
  STATUS_ARTICLE,
  STATUS_BEAT,
  STATUS_SLOTS,
  STATUS_STAGE,
  type ArticleForm,
  type ArticleFailure,
  type DeliveredArticle,
  type FailureKind,
  type FaultInjection,
  type FileResult,
  type PoolOptions,
  type RunSummary,
  type SerializedArticle,
  type TaskMessage,
  type WorkerInit,
  type WorkerMessage,
} from './types.js';

const DEFAULT_STAGE_TIMEOUT_MS = 60_000;
/**
 * Heap cap of each worker. V8 also sizes heap growth by it: a heap capped at 2 GB or more may grow to
 * four times its live size between full collections, one capped at 1 GB to about 1.6 times. A lone
 * worker (ingest on 2 cores) had 2 GB for 3% less CPU an article, until it stopped idling between files
 * (TASKS_PER_WORKER): then 3 ingest runs of 13 peaked at 1.53 GB (the others 0.73-1.02). At 1 GB, six
 * runs peaked at 0.69-0.94 GB, and three alternated pairs measured the same speed (274, 266, 286
 * against 286, 290, 270 articles/s). Two workers at 2 GB were 4-7% faster but peaked at 1.08-1.11 GB.
 */
const DEFAULT_WORKER_HEAP_MB = 1024;
/** A file that kills this many workers is given up whole: something in it is beyond one article. */
const MAX_ATTEMPTS_PER_FILE = 4;
const WATCH_INTERVAL_MS = 100;
/**
 * One file in work and three queued per worker (see Slot.tasks), within the read-ahead window. A worker
 * gets its next file when this thread reads its last result, which waits while this thread stores: with
 * one file queued the ingest worker sat idle 17% of the time. Bench ingest, three alternated pairs:
 * 222, 238, 222 -> 258, 257, 274 articles/s (idle 11%); extract on two workers, five pairs: no change
 * (mean 508 -> 511).
 */
const TASKS_PER_WORKER = 4;

/** The pipeline could not be loaded in a worker (a bad actor or gazetteer file): the pool is unusable. */
export class PoolStartError extends Error {}

/** What a pool that feeds the store delivers per article: the whole article, or the article packed for it. */
export type PoolArticle = Article | PackedArticle;

export type ResultHandler<A extends DeliveredArticle = Article> = (result: FileResult<A>, index: number) => void | Promise<void>;

/**
 * Takes a file's articles as they come, a group at a time, in input order (every article of a file
 * before its result, and before any article of the next file). Synchronous: there is no waiting for
 * it between two groups.
 */
export type ArticleHandler<A extends DeliveredArticle = Article> = (articles: A[], index: number) => void;

export interface PipelinePool<A extends DeliveredArticle = Article> {
  readonly size: number;
  /** Resolves once every worker has loaded its pipeline (run() waits for it too). */
  ready(): Promise<void>;
  /**
   * Processes the files; `onResult` sees each file's outcome in input order, awaited before the next.
   * With `onArticles`, articles are handed to it as the workers finish them (the file being delivered
   * is never held whole: see ArticleHandler) and the results passed to `onResult` hold none.
   * Without it, each result holds all of its file's articles.
   */
  run(files: InputRef[], onResult: ResultHandler<A>, onArticles?: ArticleHandler<A>): Promise<RunSummary>;
  /** Hand out no new file of the current run; files already started are finished and delivered, then run() resolves. */
  stop(): void;
  readonly stopping: boolean;
  /** Milliseconds per stage (and "read") summed over all workers since the pool started. */
  readonly timings: Record<string, number>;
  /**
   * Terminates the workers. During a run this is the hard stop (a second Ctrl-C): files in flight are
   * dropped, never half-delivered, and run() resolves with what was delivered.
   */
  close(): Promise<void>;
}

interface Task<A extends DeliveredArticle> {
  index: number;
  input: InputRef;
  /** The input as results name it (inputLabel). */
  path: string;
  /** Articles that crashed or hung a worker: left out when the file is taken again. */
  skip: number[];
  failures: ArticleFailure[];
  attempts: number;
  /**
   * Parts received and not yet handed on (all of them, without an ArticleHandler), each as its worker
   * sent it: the ArticleHandler gets the same parts whether they waited or not, so a store gets the
   * same calls (and merges the same way) as a serial run.
   */
  received: A[][];
  /**
   * Indexes of every article received over all attempts: a worker that takes the file again after a
   * crash leaves them out too, so it goes on from where the last one stopped.
   */
  receivedIndexes: number[];
}

interface Slot<A extends DeliveredArticle> {
  worker: Worker;
  status: Int32Array;
  ready: boolean;
  /**
   * Files sent to the worker, in the order sent: the first is the one it works on, the next ones wait
   * in its message queue, so the worker starts the next the moment it is done instead of waiting for this
   * thread, which may be busy storing the previous file (TASKS_PER_WORKER).
   */
  tasks: Task<A>[];
  beat: number;
  beatAt: number;
  /** Set when the pool itself ends the worker: a timeout, or closing. */
  ending: 'timeout' | 'closing' | null;
  lastError: string | null;
}

interface Run<A extends DeliveredArticle> {
  files: InputRef[];
  onResult: ResultHandler<A>;
  onArticles: ArticleHandler<A> | null;
  /** Files started and not yet delivered, by index: where their articles wait for their turn. */
  tasks: Map<number, Task<A>>;
  started: number;
  delivered: number;
  results: Map<number, FileResult<A>>;
  retries: Task<A>[];
  pumping: boolean;
  resolve(summary: RunSummary): void;
  reject(error: Error): void;
}

function faultsFromEnvironment(): FaultInjection {
  const raw = process.env.SITREP_WORKER_FAULTS;
  if (!raw) return {};
  try {
    return JSON.parse(raw) as FaultInjection;
  } catch {
    return {};
  }
}


export function createPipelinePool(options: PoolOptions = {}): PipelinePool<Article> {
  return new WorkerPool<Article>(options, 'whole');
}

/**
 * A pool whose workers pack each article for the store (packArticle) before sending it: the storing
 * thread gets the text and events and one deflated buffer per article, moved rather than copied.
 */
export function createStoringPool(options: PoolOptions = {}): PipelinePool<PackedArticle> {
  return new WorkerPool<PackedArticle>(options, 'packed');
}

/**
 * A pool whose workers turn each article into the text `sitrep extract --format <format>` writes for
 * it (article-json.ts) and send that string: the consumer writes it as it is, in input order.
 */
export function createSerializingPool(options: PoolOptions, format: ExtractFormat): PipelinePool<SerializedArticle> {
  return new WorkerPool<SerializedArticle>(options, format);
}

class WorkerPool<A extends DeliveredArticle> implements PipelinePool<A> {
  readonly size: number;
  readonly timings: Record<string, number> = {};
  stopping = false;
  private readonly slots: Slot<A>[] = [];
  private readonly init: Omit<WorkerInit, 'status'>;
  private readonly stageTimeoutMs: number;
  private readonly heapMb: number;
  private readonly window: number;
  private stageNames: string[] = [];
  private current: Run<A> | null = null;
  private restarts = 0;
  private fatal: Error | null = null;
  private closed = false;
  private readonly watch: NodeJS.Timeout;
  private readyWaiters: Array<{ resolve(): void; reject(error: Error): void }> = [];

  constructor(options: PoolOptions, form: ArticleForm) {
    this.size = Math.max(1, options.workers ?? availableParallelism());
    this.stageTimeoutMs = options.stageTimeoutMs ?? DEFAULT_STAGE_TIMEOUT_MS;
    this.heapMb = options.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB;
    this.window = Math.max(this.size, options.window ?? this.size * 4);
    this.init = {
      actorFiles: options.actorFiles ?? [],
      gazetteerFiles: options.gazetteerFiles ?? [],
      read: options.read ?? {},
      faults: { ...faultsFromEnvironment(), ...options.faults },
      form,
    };
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
    this.watch = setInterval(() => this.checkTimeouts(), WATCH_INTERVAL_MS);
    this.watch.unref();
  }

  ready(): Promise<void> {
    if (this.fatal) return Promise.reject(this.fatal);
    if (this.slots.every((slot) => slot.ready)) return Promise.resolve();
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  run(files: InputRef[], onResult: ResultHandler<A>, onArticles?: ArticleHandler<A>): Promise<RunSummary> {
    if (this.current) return Promise.reject(new Error('the pool is already running a batch'));
    if (this.fatal) return Promise.reject(this.fatal);
    if (this.closed) return Promise.reject(new Error('the pool is closed'));
    return new Promise<RunSummary>((resolve, reject) => {
      this.current = { files, onResult, onArticles: onArticles ?? null, tasks: new Map(), started: 0, delivered: 0, results: new Map(), retries: [], pumping: false, resolve, reject };
      this.dispatch();
      this.maybeFinish();
    });
  }

  stop(): void {
    this.stopping = true;
    this.maybeFinish();
  }

  async close(): Promise<void> {
    this.stopping = true;
    const run = this.current;
    if (run) {
      // Files in flight were never delivered, so nothing of them reached the caller's store.
      for (const slot of this.slots) slot.tasks = [];
      run.retries = [];
      run.results.clear();
      run.tasks.clear();
    }
    if (!this.closed) {
      this.closed = true;
      clearInterval(this.watch);
      await Promise.all(
        this.slots.map((slot) => {
          slot.ending = 'closing';
          return slot.worker.terminate();
        }),
      );
    }
    this.maybeFinish();
  }

  // Workers ------------------------------------------------------------------------------------------

  private spawn(): Slot<A> {
    const status = new Int32Array(new SharedArrayBuffer(STATUS_SLOTS * Int32Array.BYTES_PER_ELEMENT));
    const worker = spawnPipelineWorker({ ...this.init, status: status.buffer as SharedArrayBuffer }, this.heapMb);
    const slot: Slot<A> = { worker, status, ready: false, tasks: [], beat: 0, beatAt: 0, ending: null, lastError: null };
    worker.on('message', (message: WorkerMessage) => this.onMessage(slot, message));
    worker.on('error', (error) => {
      slot.lastError = error.message;
    });
    worker.on('exit', (code) => this.onExit(slot, code));
    return slot;
  }

  private onMessage(slot: Slot<A>, message: WorkerMessage): void {
    if (message.type === 'fatal') {
      this.failPool(new PoolStartError(`the pipeline could not start in a worker: ${message.message}`));
      return;
    }
    if (message.type === 'ready') {
      slot.ready = true;
      this.stageNames = message.stages;
      if (this.slots.every((s) => s.ready)) for (const waiter of this.readyWaiters.splice(0)) waiter.resolve();
      this.dispatch();
      return;
    }
    if (message.type === 'part') {
      const task = slot.tasks.find((t) => t.index === message.task);
      // The worker sends articles in the form this pool was made with (init.form), so they are A.
      if (task && this.current) this.receive(this.current, task, message.articles as A[], message.indexes);
      return;
    }
    const at = slot.tasks.findIndex((t) => t.index === message.task);
    const task = at < 0 ? null : slot.tasks.splice(at, 1)[0]!;
    for (const [name, ms] of Object.entries(message.timings)) this.timings[name] = (this.timings[name] ?? 0) + ms;
    // The worker sends articles in the form this pool was made with (init.form), so they are A.
    if (task && this.current) this.complete(task, message.result as FileResult<A>);
    this.dispatch();
  }

  private onExit(slot: Slot<A>, code: number): void {
    const index = this.slots.indexOf(slot);
    if (slot.ending === 'closing' || this.closed) return;
    if (!slot.ready && slot.ending === null) {
      this.failPool(new PoolStartError(`a worker stopped while loading the pipeline (${slot.lastError ?? `exit code ${code}`})`));
      return;
    }
    // The first file sent is the one the worker was on; the ones queued behind it were never started
    // and go back to the front of the line as they are.
    const [task, ...queued] = slot.tasks;
    slot.tasks = [];
    if (this.current) this.current.retries.unshift(...queued);
    if (task && this.current) {
      const kind: FailureKind = slot.ending === 'timeout' ? 'timeout' : 'crash';
      const article = Atomics.load(slot.status, STATUS_ARTICLE);
      const stageIndex = Atomics.load(slot.status, STATUS_STAGE);
      const stage = stageIndex < 0 ? 'read' : (this.stageNames[stageIndex] ?? null);
      const message =
        kind === 'timeout'
          ? `no progress for ${(this.stageTimeoutMs / 1000).toFixed(0)} s`
          : (slot.lastError ?? `worker exited with code ${code}`);
      this.handleLostTask(task, { index: article, title: null, kind, stage, message });
    }
    this.restarts += 1;
    this.slots[index] = this.spawn();
  }

  /** The worker died on `task`: retry the file without the article it died on, or give the file up. */
  private handleLostTask(task: Task<A>, failure: ArticleFailure): void {
    task.attempts += 1;
    if (failure.index < 0 || task.attempts >= MAX_ATTEMPTS_PER_FILE) {
      const reason = failure.index < 0 ? `while reading it` : `on ${task.attempts} articles`;
      const error = `${failure.kind === 'timeout' ? 'stopped, ran too long' : 'a worker crashed'} ${reason} (${failure.message})`;
      if (task.receivedIndexes.length) {
        // Articles before the ones that crashed are done (and may have been handed on): they are kept,
        // and the file is reported as stopped part way.
        if (failure.index >= 0) task.failures.push(failure);
        this.complete(task, { path: task.path, ok: true, articles: [], problems: [`the rest of the file was given up: ${error}`], failed: [], ms: 0 });
        return;
      }
      this.complete(task, { path: task.path, ok: false, kind: failure.kind, error, failed: [] });
      return;
    }
    task.failures.push(failure);
    task.skip.push(failure.index);
    this.current!.retries.push(task);
  }

  private checkTimeouts(): void {
    const now = Date.now();
    for (const slot of this.slots) {
      if (!slot.tasks.length || slot.ending) continue;
      const beat = Atomics.load(slot.status, STATUS_BEAT);
      if (beat !== slot.beat) {
        slot.beat = beat;
        slot.beatAt = now;
      } else if (now - slot.beatAt > this.stageTimeoutMs) {
        slot.ending = 'timeout';
        void slot.worker.terminate();
      }
    }
  }

  // Scheduling ---------------------------------------------------------------------------------------

  private nextTask(run: Run<A>): Task<A> | null {
    const retry = run.retries.shift();
    if (retry) return retry;
    if (this.stopping || run.started >= run.files.length) return null;
    if (run.started - run.delivered >= this.window) return null;
    const index = run.started++;
    const task: Task<A> = { index, input: run.files[index]!, path: inputLabel(run.files[index]!), skip: [], failures: [], attempts: 0, received: [], receivedIndexes: [] };
    run.tasks.set(index, task);
    return task;
  }

  private dispatch(): void {
    const run = this.current;
    if (!run || this.closed) return;
    // Idle workers first, then a second file for each busy one.
    for (let depth = 0; depth < TASKS_PER_WORKER; depth++) {
      for (const slot of this.slots) {
        if (!slot.ready || slot.ending || slot.tasks.length !== depth) continue;
        const task = this.nextTask(run);
        if (!task) return;
        if (!slot.tasks.length) {
          // The stall clock starts when an idle worker gets work, not when a file is queued behind another.
          slot.beat = Atomics.load(slot.status, STATUS_BEAT);
          slot.beatAt = Date.now();
        }
        slot.tasks.push(task);
        const message: TaskMessage = { type: 'task', task: task.index, input: task.input, path: task.path, skip: [...task.skip, ...task.receivedIndexes] };
        slot.worker.postMessage(message);
      }
    }
  }

  /** Articles of a task from its worker: handed on now if their file is being delivered, else kept. */
  private receive(run: Run<A>, task: Task<A>, articles: A[], indexes: number[]): void {
    for (const index of indexes) task.receivedIndexes.push(index);
    task.received.push(articles);
    if (run.onArticles && task.index === run.delivered) this.handOn(run, task);
  }

  /** Gives the caller's ArticleHandler the articles of a task kept so far (a throw ends the run). */
  private handOn(run: Run<A>, task: Task<A>): boolean {
    if (!run.onArticles || !task.received.length) return true;
    const parts = task.received;
    task.received = [];
    try {
      for (const articles of parts) run.onArticles(articles, task.index);
      return true;
    } catch (error) {
      this.abandon(run, error as Error);
      return false;
    }
  }

  private complete(task: Task<A>, result: FileResult<A>): void {
    const run = this.current!;
    const failed = [...task.failures, ...result.failed].sort((a, b) => a.index - b.index);
    // The articles came in parts: with an ArticleHandler they are handed to it, else the result holds them.
    let final: FileResult<A> = result.ok ? { ...result, failed, articles: run.onArticles ? [] : task.received.flat() } : { ...result, failed };
    if (!run.onArticles) task.received = [];
    if (final.ok && task.receivedIndexes.length === 0 && failed.length) {
      final = { path: task.path, ok: false, kind: failed[0].kind, error: describeFailure(failed[0]), failed };
    } else if (final.ok && failed.length) {
      final = { ...final, problems: [...final.problems, ...failed.map(describeFailure)] };
    }
    run.results.set(task.index, final);
    void this.pump(run);
  }

  /** Hands results to the caller in input order; awaiting the caller is the back-pressure. */
  private async pump(run: Run<A>): Promise<void> {
    if (run.pumping) return;
    run.pumping = true;
    try {
      while (run.results.has(run.delivered)) {
        const result = run.results.get(run.delivered)!;
        run.results.delete(run.delivered);
        // A file's last articles before its result.
        const task = run.tasks.get(run.delivered);
        run.tasks.delete(run.delivered);
        if (task && !this.handOn(run, task)) return;
        await run.onResult(result, run.delivered);
        // The pool was closed, or an ArticleHandler threw, while the caller had this file.
        if (this.current !== run) return;
        run.delivered += 1;
        // The next file's articles that came while this one was being delivered.
        const next = run.tasks.get(run.delivered);
        if (next && !this.handOn(run, next)) return;
        this.dispatch();
      }
    } catch (error) {
      this.abandon(run, error as Error);
      return;
    }
    run.pumping = false;
    this.maybeFinish();
  }

  /** The caller threw while taking a file or its articles: the run ends with its error. */
  private abandon(run: Run<A>, error: Error): void {
    run.pumping = false;
    this.stopping = true;
    if (this.current === run) this.current = null;
    run.reject(error);
  }

  private maybeFinish(): void {
    const run = this.current;
    if (!run || run.pumping) return;
    const inFlight = this.slots.some((slot) => slot.tasks.length > 0) || run.retries.length > 0 || run.results.size > 0;
    const allDelivered = run.delivered === run.files.length;
    const haltedCleanly = this.stopping && !inFlight && run.delivered === run.started;
    if (!allDelivered && !haltedCleanly && !this.closed) return;
    this.current = null;
    // A stop ends one run (or, called between runs, the next one); the pool can then take another batch.
    if (!this.closed) this.stopping = false;
    run.resolve({
      files: run.files.length,
      delivered: run.delivered,
      skipped: run.files.length - run.delivered,
      stopped: !allDelivered,
      workerRestarts: this.restarts,
    });
  }

  private failPool(error: Error): void {
    if (this.fatal) return;
    this.fatal = error;
    for (const waiter of this.readyWaiters.splice(0)) waiter.reject(error);
    const run = this.current;
    this.current = null;
    void this.close();
    run?.reject(error);
  }
}
