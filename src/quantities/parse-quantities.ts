/**
 * Counts with their qualifiers: "more than 7,000 people", "nearly 58,000", "between 20 and 30 killed",
 * "hundreds", "a tenth of", "400 militants". Each quantity keeps the words it came from; the bound a
 * qualifier sets becomes min or max so that later stages can apply their own conventions.
 */
import type { QuantitySpan, Span, Token } from '../model/types.js';
import { readLexiconLines } from '../model/data-files.js';

function readTsv(relative: string): string[][] {
  return readLexiconLines(relative).map((line) => line.split('\t').map((cell) => cell.trim()));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const byLengthDesc = (a: string, b: string) => b.length - a.length;

const qualifierBound = new Map(readTsv('data/quantities/qualifiers.tsv').map(([phrase, bound]) => [phrase, bound]));
const numberWords = new Map(readTsv('data/quantities/number-words.tsv').map(([w, v]) => [w, Number(v)]));
const SCALES = ['hundred', 'thousand', 'million', 'billion'];
const vague = new Map(readTsv('data/quantities/vague-amounts.tsv').map(([w, min, max]) => [w, [Number(min), Number(max)]]));
const fractions = new Map(readTsv('data/quantities/fractions.tsv').map(([w, v]) => [w, Number(v)]));
const unitStopwords = new Set(readLexiconLines('data/quantities/unit-stopwords.txt'));

const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const simpleWords = [...numberWords.keys()].filter((w) => !SCALES.includes(w));
const WORDS = `(?:${simpleWords.sort(byLengthDesc).map(escape).join('|')})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?`;
const SCALE = `(?:\\s+(?:${SCALES.join('|')}))?`;
const NUMBER = `(?:(?:[$£€]\\s?)?(?:${DIGITS})${SCALE}|${WORDS}${SCALE})`;
const VAGUE = [...vague.keys()].sort(byLengthDesc).map(escape).join('|');
const FRACTION = [...fractions.keys()].sort(byLengthDesc).map(escape).join('|');

// A quantity never follows a letter, digit or part of a number. That is checked on the character
// before each match rather than with a lookbehind: a pattern that starts with a lookbehind is tried
// at every position, one that starts with its alternatives skips most positions at once.
const EXCLUDED_BEFORE = /[\p{L}\p{N},.$£€-]$/u;
const QUANTITY = new RegExp(
  `(?:` +
    `(?<fraction>${FRACTION})(?=\\s+of\\b)` +
    `|(?<range>(?:between|from)\\s+(?<lo>${NUMBER})\\s*(?:and|to|-|–)\\s*(?<hi>${NUMBER}))` +
    `|(?<dash>(?<dlo>${DIGITS})\\s?[-–]\\s?(?<dhi>${DIGITS}))(?![-\\p{L}])` +
    `|(?<vague>${VAGUE})` +
    `|(?<number>${NUMBER})` +
    `)(?![\\p{L}\\p{N}]|[.,]\\d|:\\d)`,
  'giu',
);
/** The pattern tried at one position (see nextQuantity). */
const QUANTITY_AT = new RegExp(QUANTITY.source, 'iuy');

/**
 * Where a quantity may start: a digit, a currency sign, or the first word of a phrase the pattern
 * knows ("between", "one", "hundreds", "a"), as a whole word. Far fewer positions than the pattern
 * itself is tried at, and a plain pattern: no Unicode classes, no named groups.
 */
const firstWords = [
  'between',
  'from',
  ...simpleWords,
  ...vague.keys(),
  ...fractions.keys(),
].map((phrase) => phrase.toLowerCase().split(/[\s-]/)[0]);
const QUANTITY_START = new RegExp(`[0-9$£€]|(?:${[...new Set(firstWords)].sort(byLengthDesc).join('|')})(?![A-Za-z])`, 'gi');
/**
 * Characters that case-fold to ASCII letters under the Unicode `iu` flags of QUANTITY (long s, Kelvin
 * sign) but not under QUANTITY_START's: a text holding one is read with QUANTITY alone.
 */
const FOLDS_TO_ASCII = /[\u017F\u212A]/;

/**
 * The first match of QUANTITY at or after `from` that does not follow a letter, digit or part of a
 * number: what scanning with QUANTITY and stepping over such matches one character at a time finds.
 * QUANTITY is only tried, sticky, where QUANTITY_START says a match may start; `plain` scans with
 * QUANTITY itself (exported for the test that the two agree).
 */
export function nextQuantity(text: string, from: number, plain: boolean): RegExpExecArray | null {
  const finder = plain ? QUANTITY : QUANTITY_START;
  finder.lastIndex = from;
  let found: RegExpExecArray | null;
  while ((found = finder.exec(text)) !== null) {
    const index = found.index;
    // Inside a word or a number: the next match may start one character on.
    finder.lastIndex = index + 1;
    if (index > 0 && EXCLUDED_BEFORE.test(text.slice(Math.max(0, index - 2), index))) continue;
    if (plain) return found;
    QUANTITY_AT.lastIndex = index;
    const match = QUANTITY_AT.exec(text);
    if (match) return match;
  }
  return null;
}

const QUALIFIER_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${[...qualifierBound.keys()].sort(byLengthDesc).map(escape).join('|')})\\s+$`, 'iu');
const UNIT_AFTER = /^(?:-|\s+)(?:(\p{Lu}[\p{L}-]*)\s+)?([\p{Ll}][\p{Ll}-]*|%|km|kilometres?|kilometers?|miles?)/u;
const CURRENCY: Record<string, string> = { $: 'USD', '£': 'GBP', '€': 'EUR' };

/** Value of a number phrase: "7,000", "1.5 million", "twenty-five", "a dozen". */
export function numberValue(phrase: string): number | null {
  let text = phrase.toLowerCase().replace(/^[$£€]\s?/, '').replace(/\s+/g, ' ').trim();
  let scale = 1;
  for (const word of SCALES) {
    if (text.endsWith(' ' + word)) {
      scale = numberWords.get(word)!;
      text = text.slice(0, -word.length - 1);
      break;
    }
  }
  let value: number | null;
  if (/^[\d,.]+$/.test(text)) value = Number(text.replace(/,/g, ''));
  else if (numberWords.has(text)) value = numberWords.get(text)!;
  else {
    const [tens, ones] = text.split('-');
    value = numberWords.has(tens) && numberWords.has(ones) ? numberWords.get(tens)! + numberWords.get(ones)! : null;
  }
  if (value === null || Number.isNaN(value)) return null;
  return Math.round(value * scale * 1000) / 1000;
}

/** Part of speech of the token starting at `offset`, when the token layer is there. */
type PosAt = (offset: number) => string | undefined;

function tokenPos(tokens: Token[]): PosAt {
  // Tokens are sorted and never overlap: a binary search, asked only for the few words after a number.
  return (offset) => {
    let lo = 0;
    let hi = tokens.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = tokens[mid].start;
      if (start === offset) return tokens[mid].pos;
      if (start < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
}

/**
 * The unit is the noun right after the number ("400 militants"), possibly after one adjective
 * ("400 Syrian refugees", "one bearded man"). With POS tags that is decided by the tagger; without
 * them, verbs in -ed/-ing and function words are refused ("hundreds steamed out").
 */
function unitAfter(text: string, end: number, phrase: string, posAt: PosAt | null): { unit: string | null; end: number } {
  const currency = CURRENCY[phrase.trim()[0]];
  if (currency) return { unit: currency, end };
  const window = text.slice(end, end + 60);
  const match = UNIT_AFTER.exec(window);
  if (!match) return { unit: null, end };
  const word = match[2];
  if (word === '%' || word === 'percent') return { unit: '%', end: end + match[0].length };
  if (unitStopwords.has(word)) return { unit: null, end };
  const wordStart = end + match[0].length - word.length;
  if (posAt) {
    const pos = posAt(wordStart);
    if (pos === 'ADJ' || pos === 'VERB') {
      // "one bearded man": look one word further for the noun.
      const next = /^\s+([\p{Ll}][\p{Ll}-]*)/u.exec(text.slice(end + match[0].length, end + match[0].length + 30));
      if (next && posAt(end + match[0].length + next[0].length - next[1].length) === 'NOUN' && pos === 'ADJ') {
        return { unit: next[1], end: end + match[0].length + next[0].length };
      }
      return { unit: null, end };
    }
    if (pos && pos !== 'NOUN' && pos !== 'PROPN' && pos !== 'NUM' && pos !== 'SYM') return { unit: null, end };
  } else if (/(?:ed|ing)$/.test(word)) {
    return { unit: null, end };
  }
  return { unit: word.replace(/-$/, ''), end: end + match[0].length };
}

function overlapsAny(span: Span, taken: Span[]): boolean {
  return taken.some((t) => span.start < t.end && t.start < span.end);
}

/** The lowercase word after "several" (module constant: tsx makes a property-escape literal inside a function a new RegExp per call). */
const NEXT_LOWERCASE_WORD_RE = /^\s+(?:of\s+)?(\p{Ll}+)/u;

export function parseQuantities(text: string, exclude: Span[] = [], tokens: Token[] = []): QuantitySpan[] {
  const found: QuantitySpan[] = [];
  const posAt = tokens.length ? tokenPos(tokens) : null;
  const plain = FOLDS_TO_ASCII.test(text);
  let match: RegExpExecArray | null;
  let from = 0;
  while ((match = nextQuantity(text, from, plain)) !== null) {
    // The next one is looked for after this one, whether it is kept or not.
    from = match.index + match[0].length;
    const groups = match.groups!;
    const phrase = match[0];
    let start = match.index;
    const end = start + phrase.length;
    if (overlapsAny({ start, end }, exclude)) continue;
    let value: number | null = null;
    let min: number | null = null;
    let max: number | null = null;
    if (groups.fraction) {
      value = fractions.get(groups.fraction.toLowerCase().replace(/\s+/g, ' ')) ?? null;
    } else if (groups.range || groups.dash) {
      min = numberValue(groups.lo ?? groups.dlo);
      max = numberValue(groups.hi ?? groups.dhi);
      if (min === null || max === null || max <= min) {
        // "2011-2014" or "5-3" (a score): not a range of counts.
        if (groups.dash) continue;
      }
      // "2011-2014" is a span of years, left to the date stage.
      if (groups.dash && min !== null && max !== null && min >= 1900 && max <= 2100 && !groups.dlo.includes(',')) continue;
      value = min;
    } else if (groups.vague) {
      const bounds = vague.get(groups.vague.toLowerCase().replace(/\s+/g, ' '));
      if (!bounds) continue;
      [min, max] = bounds;
      value = min;
    } else {
      value = numberValue(groups.number);
      if (value === null) continue;
    }
    const lower = phrase.toLowerCase();
    // "one of several", "one another": the word one is rarely a count.
    if (lower === 'one' && /^\s+(?:of|another|side|day|by|after|way)\b|^[\s]*[,.;]/i.test(text.slice(end, end + 12))) continue;
    // "several" counts only something named right after it.
    if (lower === 'several') {
      const next = NEXT_LOWERCASE_WORD_RE.exec(text.slice(end, end + 24));
      if (!next || unitStopwords.has(next[1])) continue;
    }

    let qualifier: string | null = null;
    const windowStart = Math.max(0, start - 24);
    const before = QUALIFIER_BEFORE.exec(text.slice(windowStart, start));
    if (before && !groups.range) {
      qualifier = before[1].toLowerCase().replace(/\s+/g, ' ');
      start = windowStart + before.index + before[0].indexOf(before[1]);
      const bound = qualifierBound.get(qualifier);
      if (bound === 'min' && value !== null) min = Math.max(min ?? value, value);
      if (bound === 'max' && value !== null) max = value;
    }
    const { unit, end: unitEnd } = unitAfter(text, end, phrase, posAt);
    const spanEnd = unit && unitEnd > end ? unitEnd : end;
    found.push({
      text: text.slice(start, spanEnd),
      start,
      end: spanEnd,
      value,
      min,
      max,
      qualifier,
      unit,
    });
  }
  return found;
}
