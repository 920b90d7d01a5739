/**
 * Date windows for merging. Reports of one event disagree on its date by a day or so ("yesterday"
 * written after midnight, a wire story dated on filing), and coarse dates ("last week", "in March")
 * cover many days, so two reports match when their date intervals come within a tolerance that grows
 * with the coarser precision.
 */

const DAY_MS = 86_400_000;

/** Tolerance in days by ACLED time precision: 1 day, 2 week or range, 3 month or coarser. */
export const DATE_TOLERANCE_DAYS: Record<1 | 2 | 3, number> = { 1: 1, 2: 7, 3: 31 };

const FULL = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

const parsedIntervals = new Map<string, [number, number] | null>();

/**
 * Inclusive [first, last] day numbers a date string covers, or null when it is not a date. Memoised
 * (callers never modify the pair): merging parses both dates of every comparison, and a corpus
 * has few distinct dates.
 */
export function dayInterval(value: string | null | undefined): [number, number] | null {
  if (!value) return null;
  let interval = parsedIntervals.get(value);
  if (interval === undefined) {
    // Frozen: the same pair goes to every caller.
    interval = parseDayInterval(value);
    if (interval) Object.freeze(interval);
    if (parsedIntervals.size < 100_000) parsedIntervals.set(value, interval);
  }
  return interval;
}

function parseDayInterval(value: string): [number, number] | null {
  let m = FULL.exec(value);
  if (m) {
    const d = dayNumber(+m[1], +m[2], +m[3]);
    return Number.isFinite(d) ? [d, d] : null;
  }
  m = MONTH.exec(value);
  if (m) return [dayNumber(+m[1], +m[2], 1), dayNumber(+m[1], +m[2] + 1, 1) - 1];
  m = YEAR.exec(value);
  if (m) return [dayNumber(+m[1], 1, 1), dayNumber(+m[1] + 1, 1, 1) - 1];
  return null;
}

/** The interval an event's date and optional end date cover together. */
export function eventInterval(date: string | null, dateEnd: string | null): [number, number] | null {
  const first = dayInterval(date);
  if (!first) return null;
  const last = dayInterval(dateEnd);
  return last && last[1] >= first[0] ? [first[0], last[1]] : first;
}

/** Days between two intervals (0 when they overlap). */
export function intervalGap(a: [number, number], b: [number, number]): number {
  if (a[1] < b[0]) return b[0] - a[1];
  if (b[1] < a[0]) return a[0] - b[1];
  return 0;
}

const formattedDays = new Map<number, string>();

/**
 * YYYY-MM-DD of a day number, for SQL range bounds. Memoised: every merge-candidate lookup formats
 * seven bounds, and Date#toISOString was a tenth of the store's time; a corpus spans few days.
 */
export function formatDay(day: number): string {
  let text = formattedDays.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (formattedDays.size < 100_000) formattedDays.set(day, text);
  }
  return text;
}
