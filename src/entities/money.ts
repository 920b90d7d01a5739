/**
 * MONEY: a currency sign then an amount ("$5 million", "£1.1bn", "US$ 300"), or an amount then a
 * currency word ("2 billion euros", "500 Syrian pounds", "millions of dollars").
 */
import type { EntityLexicons } from './lexicons.js';
import type { TokenView } from './segments.js';

const SIGNS = new Set(['$', '£', '€', '¥', '₴', '₽', 'us$', 'usd', 'eur', 'gbp']);
const MULTIPLIERS = new Set(['thousand', 'million', 'millions', 'billion', 'billions', 'trillion', 'bn', 'm', 'k', 'mn']);
const NUMBER = /^\d[\d,.]*(?:bn|m|k|mn)?$/i;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Holds a digit (most tokens are words: answered without a pattern). */
function hasDigit(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (isDigit(text.charCodeAt(k))) return true;
  return false;
}

// Runs for every token: NUMBER can only match a token that opens with a digit, so others skip it.
function isAmount(view: TokenView, i: number): boolean {
  const token = view.tokens[i];
  if (!token) return false;
  const text = token.text;
  return (token.kind === 'number' || (isDigit(text.charCodeAt(0)) && NUMBER.test(text))) && hasDigit(text);
}

/** Token ranges (first and last token index) of money expressions. */
export function findMoney(view: TokenView, lex: EntityLexicons): { first: number; last: number }[] {
  const { tokens, lower, segment } = view;
  const found: { first: number; last: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let first = -1;
    let last = -1;
    // signs have at most three characters: longer tokens are turned away before the set
    if (lower[i].length <= 3 && SIGNS.has(lower[i]) && isAmount(view, i + 1) && segment[i + 1] === segment[i]) {
      first = i;
      last = i + 1;
      while (MULTIPLIERS.has(lower[last + 1]) && segment[last + 1] === segment[i]) last++;
    } else if (isAmount(view, i) || (lower[i] === 'millions' || lower[i] === 'billions')) {
      let j = i;
      while (MULTIPLIERS.has(lower[j + 1])) j++;
      if (lower[j + 1] === 'of' && !isAmount(view, i)) j++;
      const currency = lex.currencyWords.matchAt(view.keys, j + 1, view.segmentEnd[i]);
      if (currency && (j > i || isAmount(view, i))) {
        first = i;
        last = currency.last;
      }
    }
    if (first < 0) continue;
    found.push({ first, last });
    i = last;
  }
  return found;
}
