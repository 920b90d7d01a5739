/**
 * The merge-candidate columns of every event, held in memory while a store ingests, answering the
 * candidate query (candidate-query.ts) without SQLite. The query ran once per report and fold
 * and was a quarter of the storing thread's time, most of it in SQLite's per-statement work for a
 * few rows. This answers with exactly the rows the query returns once the store has filtered them with
 * placeMatches (same conditions, same arithmetic; the order differs, and merging does not depend on
 * it: see choose.ts and the merge log's sort).
 *
 * The store keeps it in step with its own writes, drops it when a transaction fails, and reloads it
 * when another connection has written (PRAGMA data_version). Above MAX_MIRRORED_EVENTS the store
 * queries SQLite instead: the mirror costs some 600 bytes an event.
 */
import { mayMatchWithinCountry } from '../../merge/index.js';
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
  /** The report's place name and admin1: same-country events elsewhere must share one (see placeMatches). */
  name: string | null;
  admin1: string | null;
}

// CandidateRow positions.
const ID = 0;
const TYPE = 2;
const DATE = 4;
const DATE_END = 5;
const PRECISION = 6;
const NAME = 9;
const LAT = 10;
const LON = 11;
const COUNTRY = 12;
const ADMIN1 = 13;

/** Rows the events_merge_days index holds: a single day without an end. */
function isSingleDay(row: CandidateRow): boolean {
  const date = row[DATE];
  return row[DATE_END] === null && date !== null && date.length === 10;
}

/** Index of the first of the sorted dates that is >= date. */
function lowerBound(dates: string[], date: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid] < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Same-country events this many times the query's box away are still offered, though they cannot
 * match: a report's merge log then names its near misses (the town across the provincial line, 40 km
 * away), not only "no other event".
 */
const NEAR_MISS_BOXES = 3;

/** Within `boxes` times the query's box around the report's place (one box holds the merge radius). */
function inBox(row: CandidateRow, place: CandidatePlace, boxes: number): boolean {
  const lat = row[LAT];
  const lon = row[LON];
  if (lat === null || lon === null || place.lat === null || place.lon === null) return false;
  const latPad = 0.3 * boxes;
  const lonPad = place.lonPad * boxes;
  return lat >= place.lat - latPad && lat <= place.lat + latPad && lon >= place.lon - lonPad && lon <= place.lon + lonPad;
}

/**
 * A same-country event worth comparing: one checkLocation could match although it is far (the same
 * place name or province, see mayMatchWithinCountry), or a near miss. Every event of the country was
 * a candidate before, so candidates grew with the database: a sixth of the storing thread at 20,000
 * articles, and the events merged are the same.
 */
function countryRowWorthComparing(row: CandidateRow, place: CandidatePlace): boolean {
  return mayMatchWithinCountry({ name: row[NAME], admin1: row[ADMIN1] }, place) || inBox(row, place, NEAR_MISS_BOXES);
}

/**
 * CANDIDATE_PLACE (SQL's NULL comparisons are false, so a null country never equals), narrowed for
 * same-country events (countryRowWorthComparing). The store applies it to the SQL query's rows too, so
 * both paths offer the same candidates.
 */
export function placeMatches(row: CandidateRow, place: CandidatePlace): boolean {
  if (place.lat === null || row[LAT] === null) return true;
  if (row[COUNTRY] !== null && place.country !== null && row[COUNTRY] === place.country) return countryRowWorthComparing(row, place);
  return inBox(row, place, 1);
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

/**
 * Rows grouped by date, the distinct dates kept sorted: the rows of a date range are the groups of a
 * slice of the dates, and adding or removing a row touches its date's group only. (One array sorted
 * by date moved half its rows at every insert: at 190,000 events that was a fifth of the storing time.)
 * The order of rows within a date is not kept: merging does not depend on it (see choose.ts).
 */
class ByDate {
  readonly dates: string[] = [];
  readonly groups = new Map<string, CandidateRow[]>();

  add(row: CandidateRow): void {
    const date = row[DATE]!;
    let group = this.groups.get(date);
    if (!group) {
      this.groups.set(date, (group = []));
      this.dates.splice(lowerBound(this.dates, date), 0, date);
    }
    group.push(row);
  }

  remove(row: CandidateRow): void {
    const date = row[DATE]!;
    const group = this.groups.get(date);
    const at = group ? group.indexOf(row) : -1;
    if (at < 0) return;
    group![at] = group![group!.length - 1]!;
    group!.pop();
    if (group!.length) return;
    this.groups.delete(date);
    this.dates.splice(lowerBound(this.dates, date), 1);
  }

  /** Every row dated lo..hi (compared as strings). */
  pushRange(lo: string, hi: string, out: CandidateRow[]): void {
    for (let d = lowerBound(this.dates, lo); d < this.dates.length && this.dates[d] <= hi; d += 1) {
      for (const row of this.groups.get(this.dates[d])!) out.push(row);
    }
  }
}

function getOrAdd<K>(map: Map<K, ByDate>, key: K): ByDate {
  let list = map.get(key);
  if (!list) map.set(key, (list = new ByDate()));
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
  readonly all = new ByDate();
  readonly placeless = new ByDate();
  readonly byCountry = new Map<string, ByDate>();
  readonly byBand = new Map<number, ByDate>();

  /** Every list the row belongs in. */
  listsOf(row: CandidateRow, create: boolean): (ByDate | undefined)[] {
    const lat = row[LAT];
    if (lat === null) return [this.all, this.placeless];
    const country = row[COUNTRY];
    const band = bandOf(lat);
    const lists = [this.all, create ? getOrAdd(this.byBand, band) : this.byBand.get(band)];
    if (country !== null) lists.push(create ? getOrAdd(this.byCountry, country) : this.byCountry.get(country));
    return lists;
  }

  /** The rows of [lo, hi] that placeMatches accepts, each once. */
  collect(lo: string, hi: string, place: CandidatePlace, out: CandidateRow[]): void {
    if (place.lat === null) {
      this.all.pushRange(lo, hi, out);
      return;
    }
    this.placeless.pushRange(lo, hi, out);
    const sameCountry = place.country === null ? undefined : this.byCountry.get(place.country);
    if (sameCountry) {
      for (let d = lowerBound(sameCountry.dates, lo); d < sameCountry.dates.length && sameCountry.dates[d] <= hi; d += 1) {
        for (const row of sameCountry.groups.get(sameCountry.dates[d])!) if (countryRowWorthComparing(row, place)) out.push(row);
      }
    }
    for (let band = bandOf(place.lat - 0.3); band <= bandOf(place.lat + 0.3); band += 1) {
      const list = this.byBand.get(band);
      if (!list) continue;
      for (let d = lowerBound(list.dates, lo); d < list.dates.length && list.dates[d] <= hi; d += 1) {
        for (const row of list.groups.get(list.dates[d])!) {
          // Same-country rows came from their country's list.
          if (place.country !== null && row[COUNTRY] === place.country) continue;
          if (placeMatches(row, place)) out.push(row);
        }
      }
    }
  }
}

export class CandidateMirror {
  /** Single days by `${type}|${precision}`. */
  private readonly days = new Map<string, DayIndex>();
  /** Date ranges, month- and year-only dates by type: a few percent of events. */
  private readonly ranges = new Map<string, ByDate>();
  private readonly byId = new Map<string, CandidateRow>();

  constructor(rows: Iterable<CandidateRow>) {
    for (const row of rows) this.put(row);
  }

  get size(): number {
    return this.byId.size;
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
    if (isSingleDay(row)) for (const list of this.dayIndex(row, true)!.listsOf(row, true)) list!.add(row);
    else getOrAdd(this.ranges, row[TYPE]).add(row);
  }

  remove(id: string): void {
    const row = this.byId.get(id);
    if (!row) return;
    this.byId.delete(id);
    if (row[DATE] === null) return;
    if (isSingleDay(row)) {
      const index = this.dayIndex(row, false);
      if (index) for (const list of index.listsOf(row, false)) list?.remove(row);
    } else {
      this.ranges.get(row[TYPE])?.remove(row);
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
      for (let d = lowerBound(ranges.dates, b.floor); d < ranges.dates.length && ranges.dates[d] <= b.hi3; d += 1) {
        for (const row of ranges.groups.get(ranges.dates[d])!) {
          if (rangeWindowMatches(row, b) && placeMatches(row, place)) out.push(row);
        }
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
