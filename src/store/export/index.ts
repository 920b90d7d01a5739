/** Export formats: ACLED-shaped CSV, GeoJSON and JSON lines, whole store or changes since a time. */
import type { EventStore } from '../types.js';
import { writeCsv, writeCsvChanges } from './csv.js';
import { writeGeoJson } from './geojson.js';
import { writeJsonl } from './jsonl.js';

export const EXPORT_FORMATS = ['csv', 'geojson', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json',
  jsonl: 'application/x-ndjson',
};

/** Writes every live event, or with `since` (ISO 8601) the events changed and deleted since then. */
export function exportEvents(store: EventStore, format: ExportFormat, write: (chunk: string) => void, since?: string): void {
  const changes = since ? store.changesSince(since) : undefined;
  const events = changes ? changes.changed : store.allEvents();
  if (format === 'csv') {
    if (changes) writeCsvChanges(changes, write);
    else writeCsv(events, write);
  } else if (format === 'geojson') writeGeoJson(events, write, changes);
  else writeJsonl(events, write, changes);
}
