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

/** Rows sorted by date: the rows of a date range are a slice found by binary search. */
function insertSorted(list: CandidateRow[], row: CandidateRow): void {
  list.splice(upperBound(list, row[DATE]!), 0, row);
}

function removeSorted(list: CandidateRow[] | undefined, row: CandidateRow): void {
  if (!list) return;
  for (let i = lowerBound(list, row[DATE]!); i < list.length && list[i][DATE] === row[DATE]; i += 1) {
    if (list[i] === row) {
      list.splice(i, 1);
      return;
    }
  }
}

function sortByDate(list: CandidateRow[]): void {
  list.sort((a, b) => (a[DATE]! < b[DATE]! ? -1 : a[DATE]! > b[DATE]! ? 1 : 0));
}

function getOrAdd<K>(map: Map<K, CandidateRow[]>, key: K): CandidateRow[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** Latitude bands as wide as the query's latitude pad: a report's box spans at most three of them. */
const BAND_DEGREES = 0.3;
const bandOf = (lat: number) => Math.floor(lat / BAND_DEGREES);

/**
 * The single-day events of one type and date precision, sorted by date, and again by where they are.
 * A day holds every event of the type reported for it (a day's news: thousands); a report with a place
 * only needs those without a place, those of its country and those in its latitude band, so it reads
 * those lists instead of testing every event of the day.
 */
class DayIndex {
  readonly all: CandidateRow[] = [];
  readonly placeless: CandidateRow[] = [];
  readonly byCountry = new Map<string, CandidateRow[]>();
  readonly byBand = new Map<number, CandidateRow[]>();

  /** Every list the row belongs in (the order of `all` and the others are kept by the callers). */
  listsOf(row: CandidateRow, create: boolean): (CandidateRow[] | undefined)[] {
    const lat = row[LAT];
    if (lat === null) return [this.all, this.placeless];
    const country = row[COUNTRY];
    const band = bandOf(lat);
    const lists = [this.all, create ? getOrAdd(this.byBand, band) : this.byBand.get(band)];
    if (country !== null) lists.push(create ? getOrAdd(this.byCountry, country) : this.byCountry.get(country));
    return lists;
  }

  sort(): void {
    sortByDate(this.all);
    sortByDate(this.placeless);
    for (const list of this.byCountry.values()) sortByDate(list);
    for (const list of this.byBand.values()) sortByDate(list);
  }

  /** The rows of [lo, hi] that placeMatches accepts, each once. */
  collect(lo: string, hi: string, place: CandidatePlace, out: CandidateRow[]): void {
    if (place.lat === null) {
      pushRange(this.all, lo, hi, out);
      return;
    }
    pushRange(this.placeless, lo, hi, out);
    const sameCountry = place.country === null ? undefined : this.byCountry.get(place.country);
    if (sameCountry) pushRange(sameCountry, lo, hi, out);
    for (let band = bandOf(place.lat - 0.3); band <= bandOf(place.lat + 0.3); band += 1) {
      const list = this.byBand.get(band);
      if (!list) continue;
      for (let i = lowerBound(list, lo); i < list.length && list[i][DATE]! <= hi; i += 1) {
        const row = list[i];
        // Same-country rows came from their country's list.
        if (place.country !== null && row[COUNTRY] === place.country) continue;
        if (placeMatches(row, place)) out.push(row);
      }
    }
  }
}

function pushRange(list: CandidateRow[], lo: string, hi: string, out: CandidateRow[]): void {
  for (let i = lowerBound(list, lo); i < list.length && list[i][DATE]! <= hi; i += 1) out.push(list[i]);
}

export class CandidateMirror {
  /** Single days by `${type}|${precision}`. */
  private readonly days = new Map<string, DayIndex>();
  /** Date ranges, month- and year-only dates by type, sorted by (start) date: a few percent of events. */
  private readonly ranges = new Map<string, CandidateRow[]>();
  private readonly byId = new Map<string, CandidateRow>();

  constructor(rows: Iterable<CandidateRow>) {
    // Appended, then sorted once: inserting each row in order took 9 µs a row at 25,000 events.
    for (const row of rows) {
      this.byId.set(row[ID], row);
      if (row[DATE] === null) continue;
      if (isSingleDay(row)) for (const list of this.dayIndex(row, true)!.listsOf(row, true)) list!.push(row);
      else getOrAdd(this.ranges, row[TYPE]).push(row);
    }
    for (const index of this.days.values()) index.sort();
    for (const list of this.ranges.values()) sortByDate(list);
  }

  get size(): number {
    return this.byId.size;
  }

  /** The created timestamp of a mirrored event (kept when its other columns are rewritten). */
  created(id: string): string | undefined {
    return this.byId.get(id)?.[1];
  }

  /** The [lat, lon] a mirrored event was stored with (null when it has no place). */
  position(id: string): [number | null, number | null] | undefined {
    const row = this.byId.get(id);
    return row && [row[LAT], row[LON]];
  }

  /** Adds or replaces an event's row. */
  put(row: CandidateRow): void {
    this.remove(row[ID]);
    this.byId.set(row[ID], row);
    // Rows without a date are never candidates (every part of the query compares the date).
    if (row[DATE] === null) return;
    if (isSingleDay(row)) for (const list of this.dayIndex(row, true)!.listsOf(row, true)) insertSorted(list!, row);
    else insertSorted(getOrAdd(this.ranges, row[TYPE]), row);
  }

  remove(id: string): void {
    const row = this.byId.get(id);
    if (!row) return;
    this.byId.delete(id);
    if (row[DATE] === null) return;
    if (isSingleDay(row)) {
      const index = this.dayIndex(row, false);
      if (index) for (const list of index.listsOf(row, false)) removeSorted(list, row);
    } else {
      removeSorted(this.ranges.get(row[TYPE]), row);
    }
  }

  /** The rows the candidate query (candidate-query.ts) returns for these parameters. */
  candidates(type: string, b: CandidateBounds, place: CandidatePlace): CandidateRow[] {
    const out: CandidateRow[] = [];
    this.days.get(`${type}|1`)?.collect(b.lo1p, b.hi1p, place, out);
    this.days.get(`${type}|2`)?.collect(b.lo2p, b.hi2p, place, out);
    this.days.get(`${type}|3`)?.collect(b.lo3p, b.hi3p, place, out);
    const ranges = this.ranges.get(type);
    if (ranges) {
      for (let i = lowerBound(ranges, b.floor); i < ranges.length && ranges[i][DATE]! <= b.hi3; i += 1) {
        const row = ranges[i];
        if (rangeWindowMatches(row, b) && placeMatches(row, place)) out.push(row);
      }
    }
    return out;
  }

  private dayIndex(row: CandidateRow, create: boolean): DayIndex | undefined {
    const key = `${row[TYPE]}|${row[PRECISION]}`;
    let index = this.days.get(key);
    if (!index && create) this.days.set(key, (index = new DayIndex()));
    return index;
  }
}
