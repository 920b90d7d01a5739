/**
 * CSV with ACLED's column names and order, so an ACLED user's scripts read sitrep's output.
 * Columns sitrep cannot fill (region, admin2, inter codes, tags) are present and empty.
 * With --since two columns are appended: sitrep_status (changed/deleted) and merged_into.
 */
import { describeFatalityClaims } from '../../merge/summarise.js';
import { dayInterval, formatDay } from '../../merge/dates.js';
import type { ChangeSet, StoredEvent } from '../types.js';
import { acledCategories, countryName, isoNumeric } from './acled-categories.js';

export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

type Row = Partial<Record<(typeof ACLED_COLUMNS)[number] | 'sitrep_status' | 'merged_into', string | number | null>>;

const NUMERIC = new Set(['year', 'time_precision', 'iso', 'latitude', 'longitude', 'geo_precision', 'fatalities', 'timestamp']);

/**
 * RFC 4180 quoting, plus a leading apostrophe on text that a spreadsheet would run as a formula
 * (source text is untrusted: "=HYPERLINK(...)" in a headline must stay text).
 */
export function csvField(value: string | number | null | undefined, numeric = false): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (!numeric && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function rowOf(event: StoredEvent): Row {
  const categories = acledCategories(event.type, event.subType);
  const first = dayInterval(event.date);
  const loc = event.location;
  const claims = describeFatalityClaims(event.claims);
  return {
    event_id_cnty: event.id,
    event_date: first ? formatDay(first[0]) : '',
    year: first ? Number(formatDay(first[0]).slice(0, 4)) : null,
    time_precision: event.datePrecision,
    disorder_type: categories.disorderType,
    event_type: categories.eventType,
    sub_event_type: categories.subEventType,
    actor1: event.actor1,
    actor2: event.actor2,
    civilian_targeting: /^civilians\b/i.test(event.actor2 ?? '') ? 'Civilian targeting' : '',
    iso: isoNumeric(loc?.countryCode),
    country: countryName(loc?.countryCode),
    admin1: loc?.admin1 ?? '',
    location: loc?.name ?? '',
    latitude: loc ? loc.lat : null,
    longitude: loc ? loc.lon : null,
    geo_precision: loc?.precision ?? null,
    source: event.sourceNames.join('; '),
    notes: claims ? `${event.evidence} [${claims}]` : event.evidence,
    fatalities: event.fatalities ?? 0,
    timestamp: Math.floor(Date.parse(event.updated) / 1000),
  };
}

function line(row: Row, columns: readonly string[]): string {
  return columns.map((c) => csvField(row[c as keyof Row], NUMERIC.has(c))).join(',') + '\n';
}

export function writeCsv(events: Iterable<StoredEvent>, write: (chunk: string) => void): void {
  write(ACLED_COLUMNS.join(',') + '\n');
  for (const event of events) write(line(rowOf(event), ACLED_COLUMNS));
}

export function writeCsvChanges(changes: ChangeSet, write: (chunk: string) => void): void {
  const columns = [...ACLED_COLUMNS, 'sitrep_status', 'merged_into'];
  write(columns.join(',') + '\n');
  for (const event of changes.changed) write(line({ ...rowOf(event), sitrep_status: 'changed' }, columns));
  for (const gone of changes.deleted) {
    const timestamp = Math.floor(Date.parse(gone.deleted) / 1000);
    write(line({ event_id_cnty: gone.id, timestamp, sitrep_status: 'deleted', merged_into: gone.mergedInto }, columns));
  }
}
