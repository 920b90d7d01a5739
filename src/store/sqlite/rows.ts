/** Row shapes of the SQLite schema and their conversion to the store's types. */
import { inflateRawSync } from 'node:zlib';
import type { Article } from '../../model/types.js';
import type { Candidate } from '../../merge/choose.js';
import type { Check, EventSummary, Mention } from '../../merge/types.js';
import type { MergeRecord, StoredEvent } from '../types.js';

export interface EventRow {
  seq: number;
  id: string;
  summary: string;
  created: string;
  updated: string;
}

export interface ArticleRow {
  /** See packArticle. */
  doc: string | Buffer;
  text: string;
  ingested: string;
}

export interface MergeLogRow {
  kind: MergeRecord['kind'];
  event_id: string;
  from_id: string | null;
  mention_id: string | null;
  at: string;
  score: number | null;
  detail: string;
}

/** The columns merging compares on: reading them avoids parsing every candidate's full summary. */
export interface CandidateRow {
  id: string;
  created: string;
  type: string;
  sub_type: string;
  date: string | null;
  date_end: string | null;
  date_precision: 1 | 2 | 3;
  actor1: string | null;
  actor2: string | null;
  location_name: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  geo_precision: 1 | 2 | 3 | null;
  article_ids: string;
}

export function candidateFromRow(row: CandidateRow): Candidate {
  const located = row.location_name !== null && row.lat !== null && row.lon !== null;
  return {
    id: row.id,
    created: row.created,
    articleIds: JSON.parse(row.article_ids) as string[],
    facts: {
      type: row.type,
      subType: row.sub_type,
      date: row.date,
      dateEnd: row.date_end,
      datePrecision: row.date_precision,
      actor1: row.actor1,
      actor2: row.actor2,
      location: located
        ? { name: row.location_name!, lat: row.lat!, lon: row.lon!, countryCode: row.country ?? '', admin1: row.admin1, admin2: row.admin2, precision: row.geo_precision ?? 1 }
        : null,
    },
  };
}

export function eventFromRow(row: EventRow): StoredEvent {
  const summary = JSON.parse(row.summary) as EventSummary;
  return { id: row.id, ...summary, created: row.created, updated: row.updated };
}

/** Column values of an event row, in the order of the INSERT/UPDATE statements. */
export function eventColumns(summary: EventSummary) {
  const loc = summary.location;
  return {
    type: summary.type,
    sub_type: summary.subType,
    date: summary.date,
    date_end: summary.dateEnd,
    date_precision: summary.datePrecision,
    actor1: summary.actor1,
    actor2: summary.actor2,
    location_name: loc?.name ?? null,
    lat: loc?.lat ?? null,
    lon: loc?.lon ?? null,
    country: loc?.countryCode ?? null,
    admin1: loc?.admin1 ?? null,
    admin2: loc?.admin2 ?? null,
    geo_precision: loc?.precision ?? null,
    fatalities: summary.fatalities,
    source_count: summary.articleIds.length,
    article_ids: JSON.stringify(summary.articleIds),
    summary: JSON.stringify(summary),
  };
}

export function mentionFromData(data: string): Mention {
  return JSON.parse(data) as Mention;
}

export function mergeRecordFromRow(row: MergeLogRow): MergeRecord {
  const detail = JSON.parse(row.detail) as { checks?: Check[]; rejected?: MergeRecord['rejected'] };
  return {
    kind: row.kind,
    eventId: row.event_id,
    fromId: row.from_id,
    mentionId: row.mention_id,
    at: row.at,
    score: row.score,
    checks: detail.checks ?? [],
    rejected: detail.rejected ?? [],
  };
}

/**
 * `articles.doc` holds the article's JSON without the text, deflated (see packArticle); rows written
 * before packing (schema 3 and older) hold the whole article as JSON text.
 */
export function unpackArticle(doc: string | Buffer, text: string): Article {
  if (typeof doc === 'string') return JSON.parse(doc) as Article;
  return { ...(JSON.parse(inflateRawSync(doc).toString('utf8')) as Omit<Article, 'text'>), text };
}
