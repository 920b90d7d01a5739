import type { ParsingContext } from 'chrono-node';
import type { Ymd } from './calendar.js';

/** The publication day chrono was given, read in UTC (the reference instant is set at noon UTC). */
export function referenceDay(context: Pick<ParsingContext, 'refDate'>): Ymd {
  const ref = context.refDate;
  return { year: ref.getUTCFullYear(), month: ref.getUTCMonth() + 1, day: ref.getUTCDate() };
}
