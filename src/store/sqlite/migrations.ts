/**
 * Versioned schema. Each migration runs once, in order, inside a transaction, and is recorded in
 * `schema_migrations`; never edit a released migration, add the next one. A database written by a
 * newer sitrep (a version we do not know) is refused rather than guessed at.
 */
import type Database from 'better-sqlite3';
import { StoreError } from '../types.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'articles, mentions, merged events, merge log, full-text and spatial indexes',
    sql: `
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT,
        published TEXT,
        url TEXT,
        dateline TEXT,
        source_path TEXT,
        text TEXT NOT NULL,
        doc TEXT NOT NULL,
        ingested TEXT NOT NULL
      );
      CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq');

      CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        sub_type TEXT NOT NULL,
        date TEXT,
        date_end TEXT,
        date_precision INTEGER NOT NULL,
        actor1 TEXT,
        actor2 TEXT,
        location_name TEXT,
        lat REAL,
        lon REAL,
        country TEXT,
        admin1 TEXT,
        geo_precision INTEGER,
        fatalities INTEGER,
        source_count INTEGER NOT NULL,
        summary TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
      );
      CREATE INDEX events_type_date ON events(type, date);
      CREATE INDEX events_order ON events(date, id);
      CREATE INDEX events_updated ON events(updated);
      CREATE INDEX events_country ON events(country);
      CREATE VIRTUAL TABLE events_rtree USING rtree(seq, min_lon, max_lon, min_lat, max_lat);

      CREATE TABLE mentions (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        article_id TEXT NOT NULL REFERENCES articles(id),
        idx INTEGER NOT NULL,
        event_id TEXT NOT NULL,
        evidence TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX mentions_event ON mentions(event_id);
      CREATE INDEX mentions_article ON mentions(article_id);
      CREATE VIRTUAL TABLE evidence_fts USING fts5(evidence, content='mentions', content_rowid='seq');

      CREATE TABLE deleted_events (
        id TEXT PRIMARY KEY,
        merged_into TEXT,
        deleted TEXT NOT NULL
      );
      CREATE INDEX deleted_events_deleted ON deleted_events(deleted);
      CREATE INDEX deleted_events_into ON deleted_events(merged_into);

      CREATE TABLE merge_log (
        seq INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('create', 'join', 'fold')),
        event_id TEXT NOT NULL,
        from_id TEXT,
        mention_id TEXT,
        at TEXT NOT NULL,
        score REAL,
        detail TEXT NOT NULL
      );
      CREATE INDEX merge_log_event ON merge_log(event_id);
    `,
  },
  {
    version: 2,
    name: 'merge candidates read from columns (article ids); gentler FTS5 automerge for one-file transactions',
    sql: `
      ALTER TABLE events ADD COLUMN article_ids TEXT NOT NULL DEFAULT '[]';
      UPDATE events SET article_ids = json_extract(summary, '$.articleIds');
      CREATE INDEX events_type_end ON events(type, coalesce(date_end, date));
      INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
      INSERT INTO evidence_fts (evidence_fts, rank) VALUES ('automerge', 16);
    `,
  },
  {
    version: 3,
    name: 'admin2 of event places (same-district merging); merge candidates filtered inside one index',
    sql: `
      ALTER TABLE events ADD COLUMN admin2 TEXT;
      UPDATE events SET admin2 = json_extract(summary, '$.location.admin2');
      -- Every column the merge-candidate query filters on, led by its range (type, date): the events
      -- of the window that cannot match are skipped without reading their rows. It replaces the
      -- type-and-date index (same leading columns); the type-and-end index was no longer used.
      CREATE INDEX events_merge_candidates ON events(type, date, date_end, date_precision, country, lat, lon);
      DROP INDEX events_type_date;
      DROP INDEX events_type_end;
    `,
  },
  {
    version: 4,
    name: 'merge candidates read per date precision through two partial indexes (narrower date ranges)',
    sql: `
      -- Single days, led by (type, precision, date): a day-precise report reads the day-precise
      -- events of a few days only, not every event of the type in four months.
      CREATE INDEX events_merge_days ON events(type, date_precision, date, date_end, country, lat, lon)
        WHERE date_end IS NULL AND length(date) = 10;
      -- The rest (date ranges, month- and year-only dates; a few percent of events), read over the
      -- wide window.
      CREATE INDEX events_merge_ranges ON events(type, date, date_end, date_precision, country, lat, lon)
        WHERE date_end IS NOT NULL OR length(date) <> 10;
      DROP INDEX events_merge_candidates;
    `,
  },
];

export const SCHEMA_VERSION = migrations[migrations.length - 1].version;

export function migrate(db: Database.Database, now: string, list: Migration[] = migrations): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)`);
  const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as { version: number | null };
  const current = row.version ?? 0;
  if (current > SCHEMA_VERSION) {
    throw new StoreError(`database schema version ${current} is newer than this sitrep knows (${SCHEMA_VERSION})`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)');
  for (const migration of list) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now);
    })();
  }
}
