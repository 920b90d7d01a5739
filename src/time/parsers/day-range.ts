import type { Parser } from 'chrono-node';
import { MONTHS } from '../month-names.js';

const monthPattern = Object.keys(MONTHS).join('|');

/**
 * Day ranges with one month name, day-first: "between 3 and 5 March", "3-5 March", "from 3 to 5 March".
 * chrono reads only the last day of these.
 */
const DAY_FIRST_RANGE = new RegExp(
  `\\b(?:between\\s+|from\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:-|–|and|to)\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s+(${monthPattern})\\.?(?:\\s+(\\d{4}))?\\b`,
  'i',
);

export const DayFirstRangeParser: Parser = {
  pattern: () => DAY_FIRST_RANGE,
  extract(context, match) {
    const month = MONTHS[match[3].toLowerCase()];
    const first = Number(match[1]);
    const last = Number(match[2]);
    if (!month || first < 1 || last > 31 || last <= first) return null;
    const start: Record<string, number> = { day: first, month };
    const end: Record<string, number> = { day: last, month };
    if (match[4]) start.year = end.year = Number(match[4]);
    return context.createParsingResult(match.index ?? 0, match[0], start, end);
  },
};
