import type { Refiner } from 'chrono-node';
import { addDays, weekday } from '../calendar.js';
import { WEEKDAYS } from '../month-names.js';
import { referenceDay } from '../reference.js';

const WEEKDAY_WORD = new RegExp(`\\b(${WEEKDAYS.join('|')}|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\b`, 'i');
const FORWARD_WORD = /\b(next|coming|upcoming|following)\b/i;

/**
 * News is written in the past tense, so a bare weekday ("resumed on Friday") means the most recent
 * such day on or before the publication day; chrono picks the next one. "next Friday" keeps chrono's.
 */
export const PastTenseWeekdayRefiner: Refiner = {
  refine(context, results) {
    const ref = referenceDay(context);
    for (const result of results) {
      const match = WEEKDAY_WORD.exec(result.text);
      if (!match || result.start.isCertain('day') || FORWARD_WORD.test(result.text)) continue;
      const before = context.text.slice(Math.max(0, result.index - 12), result.index);
      if (FORWARD_WORD.test(before)) continue;
      const target = WEEKDAYS.findIndex((w) => w.startsWith(match[1].toLowerCase().slice(0, 3)));
      const back = (weekday(ref) - target + 7) % 7;
      const day = addDays(ref, -back);
      result.start.imply('year', day.year).imply('month', day.month).imply('day', day.day);
      result.start.assign('weekday', target);
      result.start.addTag('sitrep/weekday');
    }
    return results;
  },
};
