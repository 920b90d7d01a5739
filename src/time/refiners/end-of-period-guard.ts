import type { Refiner } from 'chrono-node';

/**
 * chrono's end-of-period refiner ("end of March", "the last day of this month") matches a pattern
 * against all the text before every result, which makes it one of the dearest steps of a parse. Its
 * pattern needs "end of" or "last day of" before the result, so a text with neither is handed back
 * untouched, which is what the refiner would have done.
 */
const END_OF_PERIOD_WORDS = /(?:last\s+day|end)\s+of\s/i;

export function guardEndOfPeriodRefiner(refiner: Refiner): Refiner {
  return {
    refine: (context, results) => (END_OF_PERIOD_WORDS.test(context.text) ? refiner.refine(context, results) : results),
  };
}
