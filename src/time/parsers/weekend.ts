import type { Parser } from 'chrono-node';
import { addDays, weekday } from '../calendar.js';
import { referenceDay } from '../reference.js';

/**
 * "at the weekend", "over the weekend", "last weekend": the most recent Saturday-Sunday on or before
 * the reference day (news is past tense). chrono reads "weekend" as the next Saturday.
 */
const PAST_WEEKEND = /\b(?:(?:at|over|during|on)\s+the|this|last|the\s+past|past)\s+weekend\b/i;

export const PastWeekendParser: Parser = {
  pattern: () => PAST_WEEKEND,
  extract(context, match) {
    const ref = referenceDay(context);
    const daysSinceSaturday = (weekday(ref) + 1) % 7;
    const saturday = addDays(ref, -daysSinceSaturday);
    const sunday = addDays(saturday, 1);
    const result = context.createParsingResult(match.index ?? 0, match[0], saturday, sunday);
    result.start.addTag('sitrep/weekend');
    return result;
  },
};
