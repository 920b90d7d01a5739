/** Row shapes of the SQLite schema and their conversion to the store's types. */
import type { Check, EventSummary, Mention } from '../../merge/types.js';
import type { MergeRecord, StoredEvent } from '../types.js';

export interface EventRow {
  seq: number;
  id: string;
  summary: string;
  created: string;
  updated: string;
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
    geo_precision: loc?.precision ?? null,
    fatalities: summary.fatalities,
    source_count: summary.articleIds.length,
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
