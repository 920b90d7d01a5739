/**
 * The merge-candidate columns of every event, held in memory while a store ingests, answering the
 * candidate query (candidate-query.ts) without SQLite. The query ran once per report and fold
 * and was a quarter of the storing thread's time, most of it in SQLite's per-statement work for a
 * few rows. This answers with exactly the rows the query returns (same conditions, same arithmetic;
 * the order differs, and merging does not depend on it: see choose.ts and the merge log's sort).
 *
 * The store keeps it in step with its own writes, drops it when a transaction fails, and reloads it
 * when another connection has written (PRAGMA data_version). Above MAX_MIRRORED_EVENTS the store
 * queries SQLite instead: the mirror costs some 600 bytes an event.
 */
import type { CandidateRow } from './rows.js';

export const MAX_MIRRORED_EVENTS = 250_000;

/** The date bounds of a report's candidate query (named as its parameters). */
export interface CandidateBounds {
  precision: 1 | 2 | 3;
  month: string;
  floor: string;
  hi: string;
  lo: string;
  hi2: string;
  lo2: string;
  hi3: string;
  lo3: string;
  hi1p: string;
  lo1p: string;
  hi2p: string;
  lo2p: string;
  hi3p: string;
  lo3p: string;
}

/** The place parameters of the query: lat, lon, country are null for a report without a place. */
export interface CandidatePlace {
  lat: number | null;
  lon: number | null;
  country: string | null;
  lonPad: number;
}

// CandidateRow positions.
const ID = 0;
const TYPE = 2;
const DATE = 4;
const DATE_END = 5;
const PRECISION = 6;
const LAT = 10;
const LON = 11;
const COUNTRY = 12;

/** Rows the events_merge_days index holds: a single day without an end. */
function isSingleDay(row: CandidateRow): boolean {
  const date = row[DATE];
  return row[DATE_END] === null && date !== null && date.length === 10;
}

/** Index of the first row whose date is >= date (rows sorted by date; null dates never stored). */
function lowerBound(rows: CandidateRow[], date: string): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid][DATE]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(rows: CandidateRow[], date: string): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid][DATE]! <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** CANDIDATE_PLACE: SQL's NULL comparisons are false, so a null country never equals. */
function placeMatches(row: CandidateRow, place: CandidatePlace): boolean {
  if (place.lat === null || row[LAT] === null) return true;
  if (row[COUNTRY] !== null && place.country !== null && row[COUNTRY] === place.country) return true;
  const lat = row[LAT];
  const lon = row[LON];
  if (lon === null || place.lon === null) return false;
  return lat >= place.lat - 0.3 && lat <= place.lat + 0.3 && lon >= place.lon - place.lonPad && lon <= place.lon + place.lonPad;
}

/** CANDIDATE_DATE_WINDOW for a row of the ranges part (date non-null). */
function rangeWindowMatches(row: CandidateRow, b: CandidateBounds): boolean {
  const date = row[DATE]!;
  const end = row[DATE_END] ?? date;
  if (!(end >= b.month)) return false;
  const precision = row[PRECISION];
  return (
    (precision <= b.precision && within(date, end, b.hi, b.lo)) ||
    (precision === 2 && b.precision < 2 && within(date, end, b.hi2, b.lo2)) ||
    (precision === 3 && b.precision < 3 && within(date, end, b.hi3, b.lo3))
  );
}

/** `date <= substr(hi, 1, length(date)) AND end >= substr(lo, 1, length(end))`: a month or year compared at its own length. */
function within(date: string, end: string, hi: string, lo: string): boolean {
  return date <= hi.slice(0, date.length) && end >= lo.slice(0, end.length);
}

export class CandidateMirror {
  /** Single days by `${type}|${precision}`, sorted by date. */
  private readonly days = new Map<string, CandidateRow[]>();
  /** Date ranges, month- and year-only dates by type, sorted by (start) date. */
  private readonly ranges = new Map<string, CandidateRow[]>();
  private readonly byId = new Map<string, CandidateRow>();

  constructor(rows: Iterable<CandidateRow>) {
    // Appended, then sorted once: inserting each row in order took 9 µs a row at 25,000 events.
    for (const row of rows) {
      this.byId.set(row[ID], row);
      if (row[DATE] !== null) this.listFor(row, true)!.push(row);
    }
    for (const list of [...this.days.values(), ...this.ranges.values()]) {
      list.sort((a, b) => (a[DATE]! < b[DATE]! ? -1 : a[DATE]! > b[DATE]! ? 1 : 0));
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** The created timestamp of a mirrored event (kept when its other columns are rewritten). */
  created(id: string): string | undefined {
    return this.byId.get(id)?.[1];
  }

  /** Adds or replaces an event's row. */
  put(row: CandidateRow): void {
    this.remove(row[ID]);
    // Rows without a date are never candidates (every part of the query compares the date).
    if (row[DATE] === null) {
      this.byId.set(row[ID], row);
      return;
    }
    const list = this.listFor(row, true)!;
    list.splice(upperBound(list, row[DATE]), 0, row);
    this.byId.set(row[ID], row);
  }

  remove(id: string): void {
    const row = this.byId.get(id);
    if (!row) return;
    this.byId.delete(id);
    if (row[DATE] === null) return;
    const list = this.listFor(row, false);
    if (!list) return;
    for (let i = lowerBound(list, row[DATE]); i < list.length && list[i][DATE] === row[DATE]; i += 1) {
      if (list[i] === row) {
        list.splice(i, 1);
        return;
      }
    }
  }

  /** The rows the candidate query (candidate-query.ts) returns for these parameters. */
  candidates(type: string, b: CandidateBounds, place: CandidatePlace): CandidateRow[] {
    const out: CandidateRow[] = [];
    const dayBounds: [1 | 2 | 3, string, string][] = [
      [1, b.lo1p, b.hi1p],
      [2, b.lo2p, b.hi2p],
      [3, b.lo3p, b.hi3p],
    ];
    for (const [precision, lo, hi] of dayBounds) {
      const list = this.days.get(`${type}|${precision}`);
      if (!list) continue;
      for (let i = lowerBound(list, lo); i < list.length && list[i][DATE]! <= hi; i += 1) {
        if (placeMatches(list[i], place)) out.push(list[i]);
      }
    }
    const ranges = this.ranges.get(type);
    if (ranges) {
      for (let i = lowerBound(ranges, b.floor); i < ranges.length && ranges[i][DATE]! <= b.hi3; i += 1) {
        const row = ranges[i];
        if (rangeWindowMatches(row, b) && placeMatches(row, place)) out.push(row);
      }
    }
    return out;
  }

  private listFor(row: CandidateRow, create: boolean): CandidateRow[] | undefined {
    const [map, key] = isSingleDay(row) ? [this.days, `${row[TYPE]}|${row[PRECISION]}`] : [this.ranges, row[TYPE]];
    let list = map.get(key);
    if (!list && create) map.set(key, (list = []));
    return list;
  }
}
