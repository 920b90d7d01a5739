/**
 * The storage interface: everything the CLI, the server and the exports need from an event store.
 * SQLite implements it now (sqlite/); PostgreSQL can follow behind the same interface without touching
 * the pipeline. Merging decisions come from src/merge, so every backend merges the same way.
 */
import type { Article, Span } from '../model/types.js';
import type { Check, EventSummary, Mention } from '../merge/types.js';
import type { PackedArticle } from './packed-article.js';

/** A merged event: its derived fields plus the living-dataset bookkeeping. */
export interface StoredEvent extends EventSummary {
  /** Stable id: kept for as long as the event exists; when folded into another, recorded as deleted. */
  id: string;
  created: string;
  /** Last time any field or source changed (ISO 8601, UTC). */
  updated: string;
}

/** A marked stretch of a source article: which field of the event the words justify. */
export interface FieldSpan extends Span {
  field: 'evidence' | 'sentence' | 'location' | 'actor1' | 'actor2' | 'date' | 'count' | 'trigger' | 'attribution' | 'trace';
  text: string;
  /** Extra words for a tooltip: the count kind, the trace key, the resolved place. */
  label?: string;
}

export interface ArticleMeta {
  id: string;
  title: string | null;
  published: string | null;
  url: string | null;
  dateline: string | null;
}

export interface EventSource {
  mention: Mention;
  article: ArticleMeta;
  /** Every field's span in the article text, evidence first. */
  spans: FieldSpan[];
}

export interface EventDetail extends StoredEvent {
  sources: EventSource[];
  /** Ids folded into this one (directly or through earlier folds). */
  mergedFrom: string[];
}

export interface StoredArticle extends Article {
  ingested: string;
  /** Current event id of each entry of `events`, same order. */
  eventIds: string[];
}

export interface EventQuery {
  /** YYYY-MM-DD: events ending on or after. */
  from?: string;
  /** YYYY-MM-DD: events starting on or before. */
  to?: string;
  /** [west, south, east, north] in degrees. */
  bbox?: [number, number, number, number];
  type?: string[];
  /** Case-insensitive substring of actor1 or actor2. */
  actor?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  /** Words searched in the evidence and the article text (all must occur; prefixes match). */
  q?: string;
  limit: number;
  cursor?: string;
}

export interface EventPage {
  events: StoredEvent[];
  /** Total matching the filters, across all pages. */
  total: number;
  nextCursor: string | null;
}

export interface DeletedEvent {
  id: string;
  /** The event it was folded into, when the deletion was a merge. */
  mergedInto: string | null;
  deleted: string;
}

export interface ChangeSet {
  since: string;
  changed: StoredEvent[];
  deleted: DeletedEvent[];
}

/** One merge decision, as `sitrep explain` prints it. */
export interface MergeRecord {
  kind: 'create' | 'join' | 'fold';
  /** The event the decision was about (the survivor for a fold). */
  eventId: string;
  /** The event folded away (fold only). */
  fromId: string | null;
  /** The report that triggered the decision (create and join). */
  mentionId: string | null;
  at: string;
  score: number | null;
  /** The criteria of the merge (join, fold), or for `create` why each nearby event was not joined. */
  checks: Check[];
  /** For `create`: the closest events not joined, each with the checks that did not match. */
  rejected: { eventId: string; checks: Check[] }[];
}

export interface ArticleOutcome {
  id: string;
  /** `unchanged`: the same content was stored before, so nothing changed. */
  status: 'stored' | 'unchanged';
  eventIds: string[];
}

export interface IngestResult {
  articles: ArticleOutcome[];
  created: number;
  joined: number;
  folded: number;
}

export interface StoreStats {
  articles: number;
  events: number;
  mentions: number;
  deletedEvents: number;
  byType: Record<string, number>;
  byCountry: Record<string, number>;
  firstDate: string | null;
  lastDate: string | null;
  lastUpdated: string | null;
}

/**
 * Several storeArticles calls committed as one transaction (see openWriteGroup). Each call inside stays
 * all or nothing on its own: a call that fails is undone alone and the group goes on.
 */
export interface WriteGroup {
  /** Makes every call stored since the group opened durable and visible to other connections. */
  commit(): void;
  /** Undoes every call stored since the group opened. */
  rollback(): void;
  /**
   * Opens a savepoint holding the storeArticles calls that follow until it is released or rolled back,
   * so that one input stored in several calls (a long file, as its articles come from a worker) stays
   * all or nothing. One at a time.
   */
  openFile(): FileWrite;
  /**
   * False once the group has ended: committed, rolled back, or undone whole by the database itself
   * (SQLite aborts the transaction on a full disk or an I/O error), in which case nothing stored in it
   * since it opened is kept.
   */
  readonly open: boolean;
}

/** See WriteGroup.openFile. */
export interface FileWrite {
  /** Keeps what was stored since the savepoint opened in the group (committed with it). */
  release(): void;
  /** Undoes what was stored since the savepoint opened; the group goes on. */
  rollback(): void;
}

export interface EventStore {
  /**
   * Stores the articles (one input file) in one transaction and merges their events. Articles may
   * come packed (packArticle, done by pipeline workers) or whole. Inside a write group the call is
   * a savepoint of the group's transaction: undone alone if it fails, committed with the group.
   */
  storeArticles(articles: (Article | PackedArticle)[]): IngestResult;
  /**
   * Opens a write group: the storeArticles calls that follow share one transaction until commit. A
   * bulk ingest commits many small files at once instead of paying a commit (the WAL write of every
   * page the file touched) per file. Takes the write lock at once; one group at a time.
   */
  openWriteGroup(): WriteGroup;
  hasArticle(id: string): boolean;
  getArticle(id: string): StoredArticle | null;
  getEvent(id: string): EventDetail | null;
  /** Follows folds: the event an id is now part of, with the chain of ids passed through. */
  resolveEventId(id: string): { id: string; via: string[] } | null;
  queryEvents(query: EventQuery): EventPage;
  /** Every live event, oldest date first (for exports). */
  allEvents(): Iterable<StoredEvent>;
  changesSince(since: string): ChangeSet;
  /** The decisions that built the event, including those of events folded into it. */
  mergeHistory(id: string): MergeRecord[];
  stats(): StoreStats;
  close(): void;
}

/** A store that cannot be opened or used (not a database, newer schema): reported, never a stack trace. */
export class StoreError extends Error {}

/** A query the store cannot answer as given (a cursor it did not issue): the caller's mistake. */
export class InvalidQueryError extends StoreError {}
