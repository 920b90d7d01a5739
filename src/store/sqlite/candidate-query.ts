/**
 * The merge-candidate query: the events a report could merge with, by type, date window and place.
 * Run by the store when it does not hold the candidates in memory (candidate-mirror.ts answers the
 * same question with the same rows), with its arguments bound by position.
 */
import type { EventLocation } from '../../model/types.js';
import { DATE_TOLERANCE_DAYS, eventInterval, formatDay } from '../../merge/dates.js';
import type { EventFacts } from '../../merge/types.js';
import type { CandidateBounds } from './candidate-mirror.js';
import { positional } from './positional.js';
import { CANDIDATE_COLUMNS } from './rows.js';

// One window per candidate precision: the tolerance is that of the coarser of the two dates, so a
// day-precise report only fetches day-precise events a day around it. Year-only dates ("in 2023")
// pass the @month bound only for reports whose window reaches back into the previous year.
const CANDIDATE_DATE_WINDOW = `coalesce(date_end, date) >= @month AND (
  (date_precision <= @precision AND date <= substr(@hi, 1, length(date))
    AND coalesce(date_end, date) >= substr(@lo, 1, length(coalesce(date_end, date))))
  OR (date_precision = 2 AND @precision < 2 AND date <= substr(@hi2, 1, length(date))
    AND coalesce(date_end, date) >= substr(@lo2, 1, length(coalesce(date_end, date))))
  OR (date_precision = 3 AND @precision < 3 AND date <= substr(@hi3, 1, length(date))
    AND coalesce(date_end, date) >= substr(@lo3, 1, length(coalesce(date_end, date)))))`;

// Merge candidates: events of the type whose dates could match (CANDIDATE_DATE_WINDOW) and whose
// place could match (see checkLocation): no place on either side, same country, or near. Each part
// reads one partial index that holds every column these conditions read, so the rows of its range that
// fail them are skipped inside the index; only the few that pass are read from the table.
const CANDIDATE_PLACE = `(@lat IS NULL OR lat IS NULL OR country = @country
  OR (lat BETWEEN @lat - 0.3 AND @lat + 0.3 AND lon BETWEEN @lon - @lonPad AND @lon + @lonPad))`;

// Single days, one part per candidate precision p, over the window of the coarser of p and the
// report's precision (@loNp..@hiNp). For a day without an end, CANDIDATE_DATE_WINDOW (and the wide
// bounds of the last part) come down to exactly this range, so the index range alone decides.
// One range over all precisions and the widest window read ~5x more index entries.
const singleDayPart = (p: 1 | 2 | 3) => `SELECT ${CANDIDATE_COLUMNS} FROM events INDEXED BY events_merge_days
  WHERE type = @type AND date_precision = ${p} AND date >= @lo${p}p AND date <= @hi${p}p
    AND date_end IS NULL AND length(date) = 10 AND ${CANDIDATE_PLACE}`;

// Date ranges, month- and year-only dates: everything starting at most two months before the widest window.
const NAMED_CANDIDATES_SQL = `${singleDayPart(1)}
  UNION ALL ${singleDayPart(2)}
  UNION ALL ${singleDayPart(3)}
  UNION ALL SELECT ${CANDIDATE_COLUMNS} FROM events INDEXED BY events_merge_ranges
  WHERE (date_end IS NOT NULL OR length(date) <> 10) AND type = @type AND date >= @floor AND date <= @hi3
    AND ${CANDIDATE_DATE_WINDOW} AND ${CANDIDATE_PLACE}`;

type PlaceParameter = 'type' | 'lat' | 'lon' | 'country' | 'lonPad';
type CandidateParameter = keyof CandidateBounds | PlaceParameter;

/** The query's arguments with the date bounds in place; the place parameters are filled per report. */
export interface CandidateWindow {
  bounds: CandidateBounds;
  args: unknown[];
}

// Memoised: a corpus has few distinct dates, and formatting the bounds cost about as much as binding them.
const candidateWindows = new Map<string, CandidateWindow | null>();

export function candidateWindow(facts: EventFacts): CandidateWindow | null {
  const key = `${facts.date}|${facts.dateEnd}|${facts.datePrecision}`;
  let window = candidateWindows.get(key);
  if (window === undefined) {
    const bounds = candidateBounds(facts);
    window = bounds && { bounds, args: CANDIDATES.names.map((name) => (name in bounds ? bounds[name as keyof CandidateBounds] : null)) };
    if (candidateWindows.size >= 100_000) candidateWindows.clear();
    candidateWindows.set(key, window);
  }
  return window;
}

function candidateBounds(facts: EventFacts): CandidateBounds | null {
  const interval = eventInterval(facts.date, facts.dateEnd);
  if (!interval) return null;
  // Padded by a day: SQL compares date strings, the exact window is checked by compareFacts.
  const bounds = (days: number) => [formatDay(interval[1] + days + 1), formatDay(interval[0] - days - 1)];
  const [hi, lo] = bounds(DATE_TOLERANCE_DAYS[facts.datePrecision]);
  const [hi2, lo2] = bounds(DATE_TOLERANCE_DAYS[2]);
  const [hi3, lo3] = bounds(DATE_TOLERANCE_DAYS[3]);
  // Per candidate precision p, the window of the coarser of p and the report's precision.
  const [hi2p, lo2p] = facts.datePrecision === 3 ? [hi, lo] : [hi2, lo2];
  return {
    precision: facts.datePrecision,
    // The index range: events ending in or after the month of the widest window (a month-precision
    // end date "2024-03" sorts before "2024-03-15" but not before "2024-03").
    month: lo3.slice(0, 7),
    // The index range: events starting at most two months before the widest window (longer ranges
    // are not merge candidates) and no later than its end. Without a bound on both sides the scan
    // grew with the database and ingest slowed from 60 to 7 articles/s between 1,000 and 5,000.
    floor: formatDay(interval[0] - DATE_TOLERANCE_DAYS[3] - 62),
    hi, lo, hi2, lo2, hi3, lo3,
    hi1p: hi, lo1p: lo, hi2p, lo2p, hi3p: hi3, lo3p: lo3,
  };
}

const CANDIDATES = positional<CandidateParameter>(NAMED_CANDIDATES_SQL);
export const CANDIDATES_SQL = CANDIDATES.sql;
const CANDIDATE_SLOTS: Record<PlaceParameter, number[]> = {
  type: CANDIDATES.slots('type'),
  lat: CANDIDATES.slots('lat'),
  lon: CANDIDATES.slots('lon'),
  country: CANDIDATES.slots('country'),
  lonPad: CANDIDATES.slots('lonPad'),
};

function fill(args: unknown[], slots: number[], value: unknown): void {
  for (const slot of slots) args[slot] = value;
}

/** The query's arguments for a report of this type and place (lonPad: see candidatesFor). */
export function candidateArgs(window: CandidateWindow, type: string, place: EventLocation | null, lonPad: number): unknown[] {
  const args = window.args.slice();
  fill(args, CANDIDATE_SLOTS.type, type);
  fill(args, CANDIDATE_SLOTS.lat, place?.lat ?? null);
  fill(args, CANDIDATE_SLOTS.lon, place?.lon ?? null);
  fill(args, CANDIDATE_SLOTS.country, place?.countryCode ?? null);
  fill(args, CANDIDATE_SLOTS.lonPad, lonPad);
  return args;
}
