/**
 * How a country name is used decides its type: a country that acts ("Turkey has pledged") is a
 * political actor (ORGANISATION in re3d and ACLED), a country before a noun ("U.S. strike") is the
 * state, a country after "in"/"across" is the place.
 */
import type { EntityLexicons } from './lexicons.js';
import type { TokenView } from './segments.js';

/**
 * A country that does something ("the United States will continue", "Turkey has pledged") is a
 * political actor, which re3d and ACLED type as an organisation; a country things happen in is a place.
 */
export function actsAsAgent(view: TokenView, last: number): boolean {
  const next = view.tokens[last + 1];
  return !!next && view.segment[last + 1] === view.segment[last] && (next.pos === 'AUX' || next.pos === 'VERB') && !/ing$|ed$/.test(next.text) ? true : false;
}

/** "attacks in Iraq today": after "in", "across", "to"... a country is the place whatever follows. */
export function afterPlacePreposition(view: TokenView, first: number, lex: EntityLexicons): boolean {
  const before = first - 1 - (view.lower[first - 1] === 'the' ? 1 : 0);
  return before >= 0 && view.segment[before] === view.segment[first] && lex.locationPrepositions.has(view.lower[before]);
}

/**
 * "U.S. strike", "U.S. efforts", "U.S.-Iraq partnership": a country written before a common noun is
 * the state doing or owning it (re3d types it as an organisation), not the place.
 */
export function modifiesNoun(view: TokenView, last: number): boolean {
  const next = last + 1;
  if (next >= view.tokens.length || view.segment[next] !== view.segment[last] || view.tokens[next].start - view.tokens[last].end > 1) return false;
  const token = view.tokens[next];
  return token.kind === 'word' && !view.cap[next] && (token.pos === 'NOUN' || token.pos === 'ADJ');
}
