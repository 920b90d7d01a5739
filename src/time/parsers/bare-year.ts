import type { Parser } from 'chrono-node';

/**
 * Bare years after a preposition: "since 2011", "in 2014", "by 2030", "from 2011 to 2014".
 * A preposition is required so that counts ("2,000 people", "1999 votes") are never years.
 */
const BARE_YEAR =
  /\b(?:in|since|from|until|till|by|during|before|after|of|throughout|between|early|late|mid-?)\s+((?:1[89]|20)\d{2})(?:\s*(?:-|–|to|and|until)\s*((?:1[89]|20)\d{2}))?(?![\d,.]\d|\s*(?:people|persons|civilians|fighters|troops|soldiers|killed|dead)\b)/i;

export const BareYearParser: Parser = {
  pattern: () => BARE_YEAR,
  extract(context, match) {
    const year = Number(match[1]);
    const endYear = match[2] ? Number(match[2]) : null;
    // The preposition stays in the result (chrono drops results made of digits only); the date stage
    // trims it from the span.
    const text = match[0];
    const index = match.index ?? 0;
    const start = context.createParsingComponents({ year });
    start.imply('month', 1).imply('day', 1).addTag('sitrep/year');
    if (endYear && endYear > year) {
      const end = context.createParsingComponents({ year: endYear });
      end.imply('month', 12).imply('day', 31);
      return context.createParsingResult(index, text, start, end);
    }
    return context.createParsingResult(index, text, start);
  },
};
