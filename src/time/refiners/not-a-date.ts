import type { Refiner } from 'chrono-node';

/** Words chrono reads as "the reference instant" that date no event: "now", "currently". */
const VAGUE = new Set(['now', 'right now', 'just now', 'currently', 'at present', 'at the moment', 'recently', 'soon', 'later']);
/** Lower-case words that are months or weekdays only when capitalised ("may", "march", "sun"). */
const LOWERCASE_AMBIGUOUS = /^(?:may|march|sat|sun|wed|second|mar|jan|dec|aug|sept?|oct|nov)$/;
/** "for 15 days", "within two weeks", "a 15-day truce": a duration, not a date. */
const DURATION_BEFORE = /\b(?:for|within|lasting|extended by)\s+$/i;

const RELATIVE_TO_EVENT = /^(?:a|an|one|two|three|four|five|six|seven|\d+|several|few|a few)\s+(?:days?|weeks?|months?|years?|hours?)\s+(?:after|later|before|on)$/;

export const NotADateRefiner: Refiner = {
  refine(context, results) {
    return results.filter((result) => {
      const text = result.text.trim();
      const lower = text.toLowerCase();
      if (VAGUE.has(lower)) return false;
      if (LOWERCASE_AMBIGUOUS.test(text)) return false;
      if (/^(?:for|within)\s/i.test(text)) return false;
      // "a day after hundreds left": counted from another event, not from the publication day.
      if (RELATIVE_TO_EVENT.test(lower)) return false;
      const before = context.text.slice(Math.max(0, result.index - 24), result.index);
      if (DURATION_BEFORE.test(before) && /\b(?:days?|weeks?|months?|years?|hours?)\b/i.test(text) && !/\bago\b/i.test(text)) {
        return false;
      }
      return true;
    });
  },
};
