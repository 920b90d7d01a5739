/**
 * The SQLite event store (better-sqlite3): articles and their event mentions, merged events with
 * FTS5 over article text and evidence and an R*Tree over event coordinates, a merge log and
 * tombstones so downstream copies can sync. One `storeArticles` call is one transaction, or one
 * savepoint of an open write group's.
 */
import Database from 'better-sqlite3';
import { hash } from 'node:crypto';
import type { Article } from '../../model/types.js';
import { chooseEvent, type Candidate } from '../../merge/choose.js';
import { summariseCluster } from '../../merge/summarise.js';
import type { EventFacts, EventSummary, Mention } from '../../merge/types.js';
import { fieldSpans } from '../field-spans.js';
import { isPackedArticle, packArticle, type PackedArticle } from '../packed-article.js';
import {
  StoreError,
  type ChangeSet,
  type EventDetail,
  type EventPage,
  type EventQuery,
  type EventStore,
  type IngestResult,
  type MergeRecord,
  type StoreStats,
  type StoredArticle,
  type StoredEvent,
  type WriteGroup,
} from '../types.js';
import { encodeCursor, eventFilter, pageFilter } from './event-query.js';
import { migrate } from './migrations.js';
import { CandidateMirror, MAX_MIRRORED_EVENTS, placeMatches, type CandidatePlace } from './candidate-mirror.js';
import { candidateArgs, CANDIDATES_SQL, candidateWindow } from './candidate-query.js';
import {
  CANDIDATE_COLUMNS,
  candidateFromRow,
  candidateRowOf,
  EVENT_SUMMARY_COLUMNS,
  eventValues,
  eventFromRow,
  mentionFromData,
  mergeRecordFromRow,
  unpackArticle,
  type ArticleRow,
  type CandidateRow,
  type EventRow,
  type MergeLogRow,
} from './rows.js';

export interface SqliteStoreOptions {
  /** Clock for `created`/`updated` (ISO 8601); tests pin it. */
  now?: () => string;
  /**
   * Answer merge-candidate queries from memory while ingesting (default true; see candidate-mirror.ts).
   * Off, every report queries SQLite: same results, for tests that compare the two.
   */
  mirrorCandidates?: boolean;
}

/** A fold can enable another; stop well before anything pathological. */
const MAX_FOLDS_PER_REPORT = 20;

const FAMILY = `WITH RECURSIVE family(id) AS (
  SELECT ? UNION SELECT d.id FROM deleted_events d JOIN family f ON d.merged_into = f.id)`;

function eventIdFor(mention: Mention): string {
  return `ev_${hash('sha256', mention.id, 'hex').slice(0, 16)}`;
}

export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): EventStore {
  const now = options.now ?? (() => new Date().toISOString());
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    // WAL with NORMAL sync cannot corrupt the database; a power cut may lose the last commits, which
    // re-ingesting restores (ingest is idempotent). FULL would fsync every file's transaction.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // 16 MB of page cache (default 2 MB): the merge-candidate index and FTS5 segments stay in memory
    // across files; more bought nothing measurable and counts against the ingest's memory.
    db.pragma('cache_size = -16384');
    db.pragma('temp_store = MEMORY');
    // Checkpoint the WAL every 32 MB rather than 4 MB: a bulk ingest pays the checkpoint's fsyncs
    // eight times less often (0.25 ms an article at 13 events each); readers are not affected.
    db.pragma('wal_autocheckpoint = 8192');
    migrate(db, now());
  } catch (error) {
    if (error instanceof StoreError) throw new StoreError(`${path}: ${error.message}`);
    throw new StoreError(`${path}: cannot open as a sitrep database (${(error as Error).message})`);
  }
  return new SqliteEventStore(db, now, options.mirrorCandidates ?? true);
}

/** The savepoint of WriteGroup.openFile (storeArticles nests its own inside it). */
const FILE_SAVEPOINT = 'sitrep_file';

class SqliteEventStore implements EventStore {
  private readonly st;
  /** Merge candidates in memory while ingesting (see candidate-mirror.ts); null until the first ingest. */
  private mirror: CandidateMirror | null = null;
  /** data_version the mirror (or the decision not to mirror a large database) is valid for; -1: none. */
  private mirrorVersion = -1;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
    private readonly mirrorCandidates: boolean,
  ) {
    const p = (sql: string) => db.prepare(sql);
    this.st = {
      articleExists: p('SELECT 1 FROM articles WHERE id = ?').pluck(),
      insertArticle: p(`INSERT INTO articles (id, title, published, url, dateline, source_path, text, doc, ingested)
        VALUES (@id, @title, @published, @url, @dateline, @source_path, @text, @doc, @ingested)`),
      insertArticleFts: p('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)'),
      getArticle: p('SELECT doc, text, ingested FROM articles WHERE id = ?'),
      articleEventIds: p('SELECT event_id FROM mentions WHERE article_id = ? ORDER BY idx').pluck(),
      articleMentionData: p('SELECT data FROM mentions WHERE article_id = ? ORDER BY idx').pluck(),
      insertMention: p('INSERT INTO mentions (id, article_id, idx, event_id, evidence, data) VALUES (?, ?, ?, ?, ?, ?)'),
      insertEvidenceFts: p('INSERT INTO evidence_fts (rowid, evidence) VALUES (?, ?)'),
      moveMentions: p('UPDATE mentions SET event_id = ? WHERE event_id = ?'),
      eventMentions: p('SELECT data FROM mentions WHERE event_id = ? ORDER BY seq').pluck(),
      eventSources: p(`SELECT m.data, a.id, a.doc, a.text FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE m.event_id = ? ORDER BY a.published, m.id`),
      getEvent: p('SELECT seq, id, summary, created, updated FROM events WHERE id = ?'),
      eventSeq: p('SELECT seq FROM events WHERE id = ?').pluck(),
      insertEvent: p(`INSERT INTO events (id, ${EVENT_SUMMARY_COLUMNS.join(', ')}, created, updated)
        VALUES (?, ${EVENT_SUMMARY_COLUMNS.map(() => '?').join(', ')}, ?, ?)`),
      updateEvent: p(`UPDATE events SET ${EVENT_SUMMARY_COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated = ? WHERE id = ?`),
      deleteEvent: p('DELETE FROM events WHERE id = ?'),
      deleteRtree: p('DELETE FROM events_rtree WHERE seq = ?'),
      insertRtree: p('INSERT INTO events_rtree (seq, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)'),
      candidates: p(CANDIDATES_SQL).raw(true),
      allCandidates: p(`SELECT ${CANDIDATE_COLUMNS} FROM events`).raw(true),
      eventCount: p('SELECT count(*) FROM events').pluck(),
      dataVersion: p('PRAGMA data_version').pluck(),
      insertDeleted: p('INSERT OR REPLACE INTO deleted_events (id, merged_into, deleted) VALUES (?, ?, ?)'),
      deletedInto: p('SELECT merged_into FROM deleted_events WHERE id = ?').pluck(),
      insertLog: p(`INSERT INTO merge_log (kind, event_id, from_id, mention_id, at, score, detail)
        VALUES (?, ?, ?, ?, ?, ?, ?)`),
      history: p(`${FAMILY} SELECT kind, event_id, from_id, mention_id, at, score, detail FROM merge_log
        WHERE event_id IN (SELECT id FROM family) ORDER BY seq`),
      mergedFrom: p(`${FAMILY} SELECT id FROM family WHERE id <> ?`).pluck(),
      allEvents: p('SELECT seq, id, summary, created, updated FROM events ORDER BY date, id'),
      changed: p('SELECT seq, id, summary, created, updated FROM events WHERE updated >= ? ORDER BY updated, id'),
      deleted: p('SELECT id, merged_into, deleted FROM deleted_events WHERE deleted >= ? ORDER BY deleted, id'),
    };
  }

  storeArticles(articles: (Article | PackedArticle)[]): IngestResult {
    const result: IngestResult = { articles: [], created: 0, joined: 0, folded: 0 };
    try {
      this.db.transaction(() => {
        this.syncMirror();
        const at = this.now();
        for (const article of articles) this.storeArticle(article, at, result);
      })();
    } catch (error) {
      // Rolled back: the mirror may hold rows that are not in the database.
      this.dropMirror();
      throw error;
    }
    return result;
  }

  private storeArticle(input: Article | PackedArticle, at: string, result: IngestResult): void {
    if (this.st.articleExists.get(input.id)) {
      result.articles.push({ id: input.id, status: 'unchanged', eventIds: this.st.articleEventIds.all(input.id) as string[] });
      return;
    }
    const article = isPackedArticle(input) ? input : packArticle(input);
    const info = this.st.insertArticle.run({
      id: article.id,
      title: article.title,
      published: article.published,
      url: article.url,
      dateline: article.dateline,
      source_path: article.sourcePath,
      text: article.text,
      doc: article.layers,
      ingested: at,
    });
    this.st.insertArticleFts.run(info.lastInsertRowid, article.title ?? '', article.text);
    for (const data of article.mentions) this.placeMention(mentionFromData(data), data, at, result);
    result.articles.push({ id: article.id, status: 'stored', eventIds: this.st.articleEventIds.all(article.id) as string[] });
  }

  /**
   * Loads the candidate mirror, or reloads it when another connection has written since (data_version
   * changes only for other connections' commits); a database too large to mirror is queried instead.
   */
  private syncMirror(): void {
    const version = this.st.dataVersion.get() as number;
    if (version === this.mirrorVersion) return;
    this.mirror = null;
    this.mirrorVersion = version;
    if (!this.mirrorCandidates || (this.st.eventCount.get() as number) > MAX_MIRRORED_EVENTS) return;
    this.mirror = new CandidateMirror(this.st.allCandidates.all() as CandidateRow[]);
  }

  /** Reloaded at the next ingest. */
  private dropMirror(): void {
    this.mirror = null;
    this.mirrorVersion = -1;
  }

  private candidatesFor(facts: EventFacts, excludeId: string | null): Candidate[] {
    const window = candidateWindow(facts);
    if (!window) return [];
    const place = facts.location;
    // 0.3 degrees of latitude is 33 km, beyond the 25 km merge radius; longitude degrees shrink with latitude.
    const lonPad = place ? 0.3 / Math.max(0.1, Math.cos((place.lat * Math.PI) / 180)) : 0;
    const where: CandidatePlace = {
      lat: place?.lat ?? null,
      lon: place?.lon ?? null,
      country: place?.countryCode ?? null,
      lonPad,
      name: place?.name ?? null,
      admin1: place?.admin1 ?? null,
    };
    // The query reads every same-country event of the window; placeMatches keeps those that could match.
    const rows = this.mirror
      ? this.mirror.candidates(facts.type, window.bounds, where)
      : (this.st.candidates.all(candidateArgs(window, facts.type, place, lonPad)) as CandidateRow[]).filter((row) => placeMatches(row, where));
    return rows.filter((row) => row[0] !== excludeId).map(candidateFromRow);
  }

  /** Stored with the event it belongs to, so the row is written once. */
  private insertMention(mention: Mention, data: string, eventId: string): void {
    const row = this.st.insertMention.run(mention.id, mention.articleId, mention.index, eventId, mention.evidence.text, data);
    this.st.insertEvidenceFts.run(row.lastInsertRowid, mention.evidence.text);
  }

  /** A new report either joins the closest compatible event or starts one; then folds what it bridged. */
  private placeMention(mention: Mention, data: string, at: string, result: IngestResult): void {
    const choice = chooseEvent(mention, [mention.articleId], this.candidatesFor(mention, null));
    if (!choice.chosen) {
      const id = eventIdFor(mention);
      this.insertMention(mention, data, id);
      this.writeEvent(id, summariseCluster([mention]), at, true);
      // The closest few rejections explain a new event, each by the checks that failed (explain
      // prints only those); logging every comparison in full made the log the slowest part of ingest.
      const rejected = [...choice.compared]
        // Ties by id: the order candidates come back in depends on the query plan, the log should not.
        .sort((a, b) => b.comparison.score - a.comparison.score || a.candidate.id.localeCompare(b.candidate.id))
        .slice(0, 5)
        .map((c) => ({ eventId: c.candidate.id, checks: c.comparison.checks.filter((check) => check.outcome !== 'match') }));
      this.log('create', id, null, mention.id, at, null, { rejected });
      result.created += 1;
      return;
    }
    const target = choice.chosen.candidate.id;
    this.insertMention(mention, data, target);
    this.recompute(target, at);
    this.log('join', target, null, mention.id, at, choice.chosen.comparison.score, { checks: choice.chosen.comparison.checks });
    result.joined += 1;
    this.foldAround(target, at, result);
  }

  /** A report can make two existing events compatible (it filled in the place one lacked): fold them. */
  private foldAround(eventId: string, at: string, result: IngestResult): void {
    let current = eventId;
    for (let i = 0; i < MAX_FOLDS_PER_REPORT; i += 1) {
      const row = this.st.getEvent.get(current) as EventRow;
      const event = eventFromRow(row);
      const choice = chooseEvent(event, event.articleIds, this.candidatesFor(event, event.id));
      if (!choice.chosen) return;
      const other = choice.chosen.candidate;
      const otherIsOlder = other.seq < row.seq;
      const [survivor, folded] = otherIsOlder ? [other.id, event.id] : [event.id, other.id];
      this.st.moveMentions.run(survivor, folded);
      const foldedRow = this.st.getEvent.get(folded) as EventRow;
      this.st.deleteRtree.run(foldedRow.seq);
      this.st.deleteEvent.run(folded);
      this.mirror?.remove(folded);
      this.st.insertDeleted.run(folded, survivor, at);
      this.recompute(survivor, at);
      this.log('fold', survivor, folded, null, at, choice.chosen.comparison.score, { checks: choice.chosen.comparison.checks });
      result.folded += 1;
      current = survivor;
    }
  }

  private recompute(eventId: string, at: string): void {
    const mentions = (this.st.eventMentions.all(eventId) as string[]).map(mentionFromData);
    this.writeEvent(eventId, summariseCluster(mentions), at, false);
  }

  private writeEvent(id: string, summary: EventSummary, at: string, isNew: boolean): void {
    const values = eventValues(summary);
    const loc = summary.location;
    const placed = loc !== null && Number.isFinite(loc.lat) && Number.isFinite(loc.lon);
    let seq: number | bigint;
    // A report joining an event mostly leaves its place as it was: its R*Tree entry stays (the mirror
    // knows the place it had; without the mirror the entry is rewritten).
    let keepRtree = false;
    if (isNew) {
      seq = this.st.insertEvent.run(id, ...values, at, at).lastInsertRowid;
    } else {
      this.st.updateEvent.run(...values, at, id);
      seq = this.st.eventSeq.get(id) as number;
      const before = this.mirror?.position(id);
      keepRtree = placed && before !== undefined && before[0] === loc!.lat && before[1] === loc!.lon;
      if (!keepRtree) this.st.deleteRtree.run(seq);
    }
    this.mirror?.put(candidateRowOf(id, Number(seq), values));
    if (placed && !keepRtree) this.st.insertRtree.run(seq, loc!.lon, loc!.lon, loc!.lat, loc!.lat);
  }

  private log(kind: MergeRecord['kind'], eventId: string, fromId: string | null, mentionId: string | null,
    at: string, score: number | null, detail: object): void {
    this.st.insertLog.run(kind, eventId, fromId, mentionId, at, score, JSON.stringify(detail));
  }

  hasArticle(id: string): boolean {
    return !!this.st.articleExists.get(id);
  }

  getArticle(id: string): StoredArticle | null {
    const row = this.st.getArticle.get(id) as ArticleRow | undefined;
    if (!row) return null;
    return { ...this.unpack(id, row), ingested: row.ingested, eventIds: this.st.articleEventIds.all(id) as string[] };
  }

  private unpack(id: string, row: ArticleRow): Article {
    return unpackArticle(row.doc, row.text, () => this.st.articleMentionData.all(id) as string[]);
  }

  getEvent(id: string): EventDetail | null {
    const row = this.st.getEvent.get(id) as EventRow | undefined;
    if (!row) return null;
    const sources = (this.st.eventSources.all(id) as (ArticleRow & { id: string; data: string })[]).map((row) => {
      const mention = mentionFromData(row.data);
      const article = this.unpack(row.id, row);
      return {
        mention,
        article: { id: article.id, title: article.title, published: article.published, url: article.url, dateline: article.dateline },
        spans: fieldSpans(article, mention),
      };
    });
    return { ...eventFromRow(row), sources, mergedFrom: this.st.mergedFrom.all(id, id) as string[] };
  }

  resolveEventId(id: string): { id: string; via: string[] } | null {
    const via: string[] = [];
    let current = id;
    for (let i = 0; i < 1000; i += 1) {
      if (this.st.getEvent.get(current)) return { id: current, via };
      const next = this.st.deletedInto.get(current) as string | null | undefined;
      if (!next) return null;
      via.push(current);
      current = next;
    }
    return null;
  }

  queryEvents(query: EventQuery): EventPage {
    const filter = eventFilter(query);
    const page = pageFilter(query.cursor);
    const total = this.db.prepare(`SELECT count(*) FROM events e WHERE ${filter.where}`).pluck().get(...filter.params) as number;
    const rows = this.db
      .prepare(`SELECT e.seq, e.id, e.summary, e.created, e.updated FROM events e
        WHERE ${filter.where} AND ${page.where} ORDER BY coalesce(e.date, '') DESC, e.id DESC LIMIT ?`)
      .all(...filter.params, ...page.params, query.limit + 1) as EventRow[];
    const events = rows.slice(0, query.limit).map(eventFromRow);
    const last = events[events.length - 1];
    return { events, total, nextCursor: rows.length > query.limit && last ? encodeCursor(last.date, last.id) : null };
  }

  *allEvents(): Iterable<StoredEvent> {
    for (const row of this.st.allEvents.iterate() as Iterable<EventRow>) yield eventFromRow(row);
  }

  changesSince(since: string): ChangeSet {
    const changed = (this.st.changed.all(since) as EventRow[]).map(eventFromRow);
    const deleted = (this.st.deleted.all(since) as { id: string; merged_into: string | null; deleted: string }[]).map((r) => ({
      id: r.id,
      mergedInto: r.merged_into,
      deleted: r.deleted,
    }));
    return { since, changed, deleted };
  }

  mergeHistory(id: string): MergeRecord[] {
    return (this.st.history.all(id) as MergeLogRow[]).map(mergeRecordFromRow);
  }

  stats(): StoreStats {
    const count = (sql: string) => this.db.prepare(sql).pluck().get() as number;
    const grouped = (sql: string) =>
      Object.fromEntries((this.db.prepare(sql).all() as { k: string; n: number }[]).map((r) => [r.k, r.n]));
    const range = this.db.prepare('SELECT min(date) AS first, max(coalesce(date_end, date)) AS last, max(updated) AS updated FROM events').get() as {
      first: string | null;
      last: string | null;
      updated: string | null;
    };
    return {
      articles: count('SELECT count(*) FROM articles'),
      events: count('SELECT count(*) FROM events'),
      mentions: count('SELECT count(*) FROM mentions'),
      deletedEvents: count('SELECT count(*) FROM deleted_events'),
      byType: grouped('SELECT type AS k, count(*) AS n FROM events GROUP BY type ORDER BY n DESC'),
      byCountry: grouped('SELECT country AS k, count(*) AS n FROM events WHERE country IS NOT NULL GROUP BY country ORDER BY n DESC'),
      firstDate: range.first,
      lastDate: range.last,
      lastUpdated: range.updated,
    };
  }

  openWriteGroup(): WriteGroup {
    if (this.db.inTransaction) throw new StoreError('a write group is already open on this database connection');
    // IMMEDIATE takes the write lock now (waiting up to busy_timeout for another writer), so a
    // savepoint inside never fails half-way for want of it.
    this.db.exec('BEGIN IMMEDIATE');
    let ended = false;
    let fileOpen = false;
    const db = this.db;
    const end = () => {
      ended = true;
      // What the mirror holds may not be in the database any more (rolled back), or was loaded inside
      // this transaction: either way it is reloaded at the next ingest.
      this.dropMirror();
    };
    return {
      commit: () => {
        if (ended) throw new StoreError('the write group has already ended');
        if (!db.inTransaction) {
          end();
          throw new StoreError('the database undid the write group before its commit (see the error of the file stored last)');
        }
        try {
          db.exec('COMMIT');
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          end();
          throw error;
        }
        ended = true;
      },
      rollback: () => {
        if (ended) return;
        if (db.inTransaction) db.exec('ROLLBACK');
        end();
      },
      openFile: () => {
        if (ended || !db.inTransaction) throw new StoreError('the write group has already ended');
        if (fileOpen) throw new StoreError('a file is already open in this write group');
        db.exec(`SAVEPOINT ${FILE_SAVEPOINT}`);
        fileOpen = true;
        const close = (undo: boolean) => {
          if (!fileOpen) return;
          fileOpen = false;
          // A transaction the database undid itself (full disk) took the savepoint with it.
          if (!db.inTransaction) return;
          if (undo) {
            db.exec(`ROLLBACK TO ${FILE_SAVEPOINT}`);
            // The mirror may hold rows of the articles undone.
            this.dropMirror();
          }
          db.exec(`RELEASE ${FILE_SAVEPOINT}`);
        };
        return { release: () => close(false), rollback: () => close(true) };
      },
      get open() {
        return !ended && db.inTransaction;
      },
    };
  }

  close(): void {
    // An open write group was never committed: closing discards it, as SQLite would.
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.db.close();
  }
}
