/**
 * Personal pronouns as PERSON mentions linked to the person they stand for. re3d annotates "I",
 * "he", "him", "she" as Person; analysts need the name, so `canonical` carries it:
 * "he" -> the last person named before it; "I"/"me" (a quoted or reported speaker) -> the person named
 * in the same paragraph, before the quote ("Hammond said: I ...") or after it ("“I ...,” Cook said").
 * Possessives ("his", "my") are left out: re3d marks only some of them, and they add little.
 * "we" is the organisation speaking (a ministry's statement, a spokesman's briefing): ORGANISATION,
 * unlinked, since the speaker's organisation is rarely named next to it; "they" is left out (it is as
 * often a crowd or a list of places as an organisation).
 */
import type { EntitySpan } from '../model/types.js';
import type { TokenView } from './segments.js';

const THIRD_PERSON = new Set(['he', 'him', 'she', 'her']);
const FIRST_PERSON = new Set(['i', 'me']);

/** "World War I": a capital I right after a proper noun is a numeral ("As I said" is not). */
function isRomanNumeral(view: TokenView, i: number): boolean {
  const before = i - 1;
  if (before < 0 || !view.cap[before] || view.segment[before] !== view.segment[i]) return false;
  const pos = view.tokens[before].pos;
  return view.tokens[i].start - view.tokens[before].end <= 1 && (pos === 'PROPN' || pos === 'NOUN');
}

// wink keeps "I’m", "I've", "I’ll", "I'd" as one token: the pronoun is its first letter.
const I_CONTRACTION = /^I['’](m|ve|ll|d)$/;

function paragraphStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset) + 1;
}

function paragraphEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

/**
 * PERSON spans for the pronouns of the text. `named` holds the people found so far, sorted by start;
 * their canonical names are what the pronouns link to.
 */
export function pronounMentions(view: TokenView, named: EntitySpan[]): EntitySpan[] {
  const { tokens, lower, text } = view;
  const mentions: EntitySpan[] = [];
  let cursor = 0;
  let last: EntitySpan | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const contraction = tokens[i].text.length > 2 && tokens[i].text.charCodeAt(0) === 73 && I_CONTRACTION.test(tokens[i].text);
    const word = contraction ? 'i' : lower[i];
    if (word === 'we') {
      // mention 'pronoun' and no canonical: consumers coding actors should not take it as a name.
      mentions.push({ start: tokens[i].start, end: tokens[i].end, text: tokens[i].text, type: 'ORGANISATION', mention: 'pronoun' });
      continue;
    }
    // every pronoun below has at most three letters: longer words are turned away before the sets
    if (word.length > 3) continue;
    const third = THIRD_PERSON.has(word);
    const first = !third && FIRST_PERSON.has(word);
    if (!third && !first) continue;
    if (word === 'i' && !contraction && (tokens[i].text !== 'I' || isRomanNumeral(view, i))) continue;
    const token = contraction ? { start: tokens[i].start, end: tokens[i].start + 1, text: 'I' } : tokens[i];
    while (cursor < named.length && named[cursor].end <= token.start) last = named[cursor++];
    let antecedent: EntitySpan | undefined = last;
    if (first) {
      const from = paragraphStart(text, token.start);
      if (!antecedent || antecedent.start < from) {
        const to = paragraphEnd(text, token.end);
        antecedent = undefined;
        for (let k = cursor; k < named.length && named[k].start < to; k++) {
          antecedent = named[k];
          break;
        }
        // "Hammond said:" on its own line, the statement in the next paragraph.
        antecedent ??= last;
      }
    }
    const mention: EntitySpan = { start: token.start, end: token.end, text: token.text, type: 'PERSON', mention: 'pronoun' };
    if (antecedent?.canonical) mention.canonical = antecedent.canonical;
    mentions.push(mention);
  }
  return mentions;
}
