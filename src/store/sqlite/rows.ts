/** Row shapes of the SQLite schema and their conversion to the store's types. */
import { inflateRawSync } from 'node:zlib';
import type { Article, EventSpan } from '../../model/types.js';
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

/**
 * The columns merging compares on, in this order: reading them avoids parsing every candidate's full
 * summary. Read as arrays (raw rows): building a 17-key object per candidate row cost a quarter of
 * the candidate query's time.
 */
export const CANDIDATE_COLUMNS = `id, seq, type, sub_type, date, date_end, date_precision, actor1, actor2,
  location_name, lat, lon, country, admin1, admin2, geo_precision, article_ids`;

export type CandidateRow = [
  id: string,
  seq: number,
  type: string,
  subType: string,
  date: string | null,
  dateEnd: string | null,
  datePrecision: 1 | 2 | 3,
  actor1: string | null,
  actor2: string | null,
  locationName: string | null,
  lat: number | null,
  lon: number | null,
  country: string | null,
  admin1: string | null,
  admin2: string | null,
  geoPrecision: 1 | 2 | 3 | null,
  articleIds: string,
];

export function candidateFromRow(row: CandidateRow): Candidate {
  const [id, seq, type, subType, date, dateEnd, datePrecision, actor1, actor2, name, lat, lon, country, admin1, admin2, precision, articleIds] = row;
  const located = name !== null && lat !== null && lon !== null;
  return {
    id,
    seq,
    articleIds: JSON.parse(articleIds) as string[],
    facts: {
      type,
      subType,
      date,
      dateEnd,
      datePrecision,
      actor1,
      actor2,
      location: located ? { name, lat, lon, countryCode: country ?? '', admin1, admin2, precision: precision ?? 1 } : null,
    },
  };
}

export function eventFromRow(row: EventRow): StoredEvent {
  const summary = JSON.parse(row.summary) as EventSummary;
  return { id: row.id, ...summary, created: row.created, updated: row.updated };
}

/** The event columns derived from its summary, in the order of eventValues. */
export const EVENT_SUMMARY_COLUMNS = [
  'type', 'sub_type', 'date', 'date_end', 'date_precision', 'actor1', 'actor2', 'location_name', 'lat', 'lon',
  'country', 'admin1', 'admin2', 'geo_precision', 'fatalities', 'source_count', 'article_ids', 'summary',
] as const;

/** Values of EVENT_SUMMARY_COLUMNS for an event, bound by position (see positional.ts for why). */
export function eventValues(summary: EventSummary): unknown[] {
  const loc = summary.location;
  return [
    summary.type,
    summary.subType,
    summary.date,
    summary.dateEnd,
    summary.datePrecision,
    summary.actor1,
    summary.actor2,
    loc?.name ?? null,
    loc?.lat ?? null,
    loc?.lon ?? null,
    loc?.countryCode ?? null,
    loc?.admin1 ?? null,
    loc?.admin2 ?? null,
    loc?.precision ?? null,
    summary.fatalities,
    summary.articleIds.length,
    JSON.stringify(summary.articleIds),
    JSON.stringify(summary),
  ];
}

/**
 * The candidate row (CANDIDATE_COLUMNS) SQLite returns for an event written with these values:
 * NaN is stored as NULL, and an unset value binds as NULL.
 */
export function candidateRowOf(id: string, seq: number, values: unknown[]): CandidateRow {
  const stored = (value: unknown) => (value === undefined || (typeof value === 'number' && Number.isNaN(value)) ? null : value);
  return [id, seq, ...values.slice(0, 14).map(stored), stored(values[16])] as CandidateRow;
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
 * before packing (schema 3 and older) hold the whole article as JSON text. Since events are stored
 * once, as mentions, a packed document lists its events by id and `mentionsData` (the article's
 * `mentions.data`, by index) gives them back; older packed documents still hold the events whole.
 */
export function unpackArticle(doc: string | Buffer, text: string, mentionsData: () => string[]): Article {
  if (typeof doc === 'string') return JSON.parse(doc) as Article;
  const article = { ...(JSON.parse(inflateRawSync(doc).toString('utf8')) as Omit<Article, 'text'>), text };
  const events = article.events as unknown[];
  if (events.length && typeof events[0] === 'string') article.events = eventsFromMentions(events as string[], mentionsData());
  return article;
}

/** Each event as it was in the article: its mention without what mentionsOf added, under its own id. */
function eventsFromMentions(ids: string[], data: string[]): EventSpan[] {
  if (data.length !== ids.length) throw new Error(`article lists ${ids.length} events, the store holds ${data.length} of its mentions`);
  return ids.map((id, index) => {
    const { articleId: _articleId, index: _index, publisher: _publisher, published: _published, ...event } = mentionFromData(data[index]!);
    // The mention's id (article#index) took the event id's place in the key order: put it back there.
    return { ...event, id };
  });
}
