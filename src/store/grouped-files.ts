/**
 * Storing input files for an ingest, several files a commit. One transaction per file paid a commit
 * per file: the WAL write of every page the file touched, and the same index pages again for the next
 * file. Files are now stored as savepoints of a write group that commits once it holds enough articles
 * or has been open long enough; each file stays all or nothing (a file the store refuses is undone
 * alone), and a file's outcome is reported only once its group is committed, so nothing reported
 * stored can be lost to a crash or a Ctrl-C afterwards. Files not committed when a run is killed are
 * simply stored again by the next run (articles are keyed by content).
 */
import type { Article } from '../model/types.js';
import type { PackedArticle } from './packed-article.js';
import { addOutcome, emptyOutcome, storeError, type InputOutcome } from './store-outcome.js';
import type { EventStore, FileWrite, WriteGroup } from './types.js';

export interface GroupLimits {
  /** Commit once the group holds this many articles. */
  articles: number;
  /** Commit once the group has been open this long, so readers and the progress report lag little. */
  ms: number;
}

/**
 * Measured on the bench corpus stored alone (5,000 articles, packed; .scratch/store-time.ts): as
 * one-article files, 3.02-3.04 ms of CPU an article committed one by one against 2.60-2.74 in groups
 * of 100 (wall 3.52-3.55 -> 2.91-2.99); as the bench's 20-article files, 2.27 -> 2.14 in groups of 80.
 * Groups of 400 bought nothing more, and a second is a short lag for readers and the progress report.
 */
export const DEFAULT_GROUP_LIMITS: GroupLimits = { articles: 100, ms: 1000 };

type Report = (outcome: InputOutcome, index: number) => void;

/** A file being stored part by part (storePart), until endFile. */
interface FileInParts {
  index: number;
  path: string;
  /** Its savepoint in the group; null once undone (or when the group could not open). */
  write: FileWrite | null;
  outcome: Extract<InputOutcome, { ok: true }>;
  /** Why the file is not stored (the parts after the one that failed are not tried). */
  error: string | null;
  articles: number;
}

export class GroupedFileStorer {
  private group: WriteGroup | null = null;
  /** Outcomes waiting for the group's commit, in input order (refused files too, to keep the order). */
  private pending: { outcome: InputOutcome; index: number }[] = [];
  private articles = 0;
  private openedAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** What the report callback threw during a commit on time, thrown again to the next caller. */
  private deferredError: unknown = null;
  private file: FileInParts | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly report: Report,
    private readonly limits: GroupLimits = DEFAULT_GROUP_LIMITS,
  ) {}

  /** Stores one file's articles in the open group (opening one if needed); commits when a limit is reached. */
  storeFile(path: string, articles: (Article | PackedArticle)[], problems: string[], index: number): void {
    // A whole file is a file in one part.
    this.storePart(path, articles, index);
    this.endFile(path, problems, index);
  }

  /**
   * Stores the next articles of a file that comes in parts (a long file, group by group from a worker),
   * inside one savepoint of the group: the file stays all or nothing, and is reported by endFile. The
   * parts of one file must come together, before any part of the next.
   */
  storePart(path: string, articles: (Article | PackedArticle)[], index: number): void {
    this.rethrow();
    if (this.file && this.file.index !== index) this.abandonFile();
    if (!this.file) this.file = this.openFile(path, index);
    const file = this.file;
    if (file.error !== null || !file.write) return;
    try {
      file.outcome = addOutcome(file.outcome, this.store.storeArticles(articles));
      file.articles += articles.length;
    } catch (error) {
      file.error = storeError(error);
      file.write.rollback();
      file.write = null;
    }
  }

  /**
   * The end of a file stored in parts: reported (as stored, or with the error of the part that failed)
   * once its group is committed, as storeFile's files are. A file none of whose articles came is
   * reported as stored with nothing in it.
   */
  endFile(path: string, problems: string[], index: number): void {
    this.rethrow();
    const file = this.file?.index === index ? this.file : this.openFile(path, index);
    this.file = null;
    if (!this.group || !this.group.open) {
      // The group could not open, or the database undid its transaction (full disk, I/O error): the
      // files before this one, stored in it, are gone too.
      const undone = this.group !== null;
      this.group = null;
      const error = file.error ?? storeError(new Error('the database undid its transaction'));
      this.queue({ path, ok: false, error }, index);
      if (undone) this.failPending(error);
      else this.reportPending();
      return;
    }
    file.write?.release();
    this.queue(file.error !== null ? { path, ok: false, error: file.error } : { ...file.outcome, problems }, index);
    this.articles += file.articles;
    if (this.articles >= this.limits.articles || performance.now() - this.openedAt >= this.limits.ms) this.flush();
  }

  /** A file that never reached the store (unreadable, the pipeline failed): reported in its turn. */
  refuseFile(outcome: InputOutcome, index: number): void {
    this.rethrow();
    if (this.file?.index === index) this.abandonFile();
    this.queue(outcome, index);
    if (!this.group) this.reportPending();
  }

  /** Commits the open group and reports its files; call it when the run ends, however it ends. */
  flush(): void {
    this.rethrow();
    // A file whose end never came (the run was stopped hard) is not stored at all.
    this.abandonFile();
    this.clearTimer();
    const group = this.group;
    this.group = null;
    this.articles = 0;
    if (group) {
      try {
        group.commit();
      } catch (error) {
        this.failPending(storeError(error));
        return;
      }
    }
    this.reportPending();
  }

  /** Starts a file stored in parts: its savepoint, in the open group (opened if needed). */
  private openFile(path: string, index: number): FileInParts {
    const file: FileInParts = { index, path, write: null, outcome: emptyOutcome(path, []), error: null, articles: 0 };
    try {
      if (!this.group) this.open();
      file.write = this.group!.openFile();
    } catch (error) {
      // No write lock (another writer held it past busy_timeout), or the group was undone: not stored.
      file.error = storeError(error);
    }
    return file;
  }

  /** Undoes the file being stored in parts, which is not reported (its end never came). */
  private abandonFile(): void {
    const file = this.file;
    this.file = null;
    if (file?.write && this.group?.open) file.write.rollback();
  }

  private open(): void {
    this.group = this.store.openWriteGroup();
    this.openedAt = performance.now();
    // While a parallel ingest waits for its workers the event loop is free: commit on time then too.
    // A report that throws there has no caller to reach: the next call throws it instead.
    this.timer = setTimeout(() => this.flushOnTime(), this.limits.ms);
    this.timer.unref?.();
  }

  /** The commit on time: put off while a file is half stored (its savepoint must not be committed). */
  private flushOnTime(): void {
    if (this.file) {
      this.timer = setTimeout(() => this.flushOnTime(), this.limits.ms);
      this.timer.unref?.();
      return;
    }
    try {
      this.flush();
    } catch (error) {
      this.deferredError = error;
    }
  }

  private rethrow(): void {
    const error = this.deferredError;
    if (error === null) return;
    this.deferredError = null;
    throw error;
  }

  private queue(outcome: InputOutcome, index: number): void {
    this.pending.push({ outcome, index });
  }

  private reportPending(): void {
    const pending = this.pending;
    this.pending = [];
    for (const { outcome, index } of pending) this.report(outcome, index);
  }

  /** Every queued file stored in the lost group is reported as not stored, with the reason. */
  private failPending(reason: string): void {
    this.clearTimer();
    this.group = null;
    this.articles = 0;
    this.pending = this.pending.map(({ outcome, index }) => ({
      outcome: outcome.ok ? { path: outcome.path, ok: false as const, error: reason.startsWith('could not be stored') ? reason : `could not be stored: ${reason}` } : outcome,
      index,
    }));
    this.reportPending();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
