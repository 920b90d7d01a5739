/**
 * Common-noun place mentions: "the city", "a VBIED storage facility", "two bridges", "the country".
 * Annotators of re3d (and analysts reading an event) treat them as places; the ones that refer back
 * ("the city" after "Mosul", "the city of Mosul") carry the name they stand for in `canonical`.
 */
import type { EntitySpan } from '../model/types.js';
import type { EntityLexicons, PlaceNounKind } from './lexicons.js';
import { FREE } from './runs.js';
import type { TokenView } from './segments.js';

const OPENERS = new Set(['the', 'this', 'that', 'these', 'those', 'a', 'an', 'its', 'their', 'our', 'his', 'her', 'another', 'several', 'many', 'dozens', 'hundreds']);
const MODIFIER_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
const MAX_MODIFIERS = 3;

export interface PlaceNounMention {
  first: number;
  last: number;
  kind: PlaceNounKind;
}

/** "villages", "facilities": the plural of a listed noun (the lexicon holds both forms). */
function isPlural(word: string, lex: EntityLexicons): boolean {
  if (!word.endsWith('s')) return false;
  const singular = word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.slice(0, -1);
  return lex.placeNouns.has(singular) || lex.placeNouns.has(word.slice(0, -2));
}

function adjacent(view: TokenView, a: number, b: number): boolean {
  return view.segment[a] === view.segment[b] && view.tokens[b].start - view.tokens[a].end <= 1;
}

/** Whether token k opens a place noun phrase: a determiner, a possessive, a number. */
function opener(view: TokenView, k: number): boolean {
  return OPENERS.has(view.lower[k]) || view.tokens[k].kind === 'number' || view.tokens[k].pos === 'NUM';
}

/**
 * Place noun phrases: an opener, up to three modifiers ("ISIL-held", "petrol", "storage"), a place
 * noun not followed by another noun ("city council", "border crossing" are not places here).
 * `taken` marks tokens already claimed; modifiers may be claimed (a weapon in "a VBIED facility").
 */
export function findPlaceNouns(view: TokenView, taken: Uint8Array, lex: EntityLexicons): PlaceNounMention[] {
  const { tokens, lower } = view;
  const found: PlaceNounMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const kind = lex.placeNouns.get(lower[i]);
    if (!kind || taken[i] !== FREE || view.cap[i]) continue;
    const next = i + 1;
    // "city council", "border crossing": the place noun modifies the next noun.
    if (next < tokens.length && adjacent(view, i, next) && tokens[next].kind === 'word' && !view.cap[next] && (tokens[next].pos === 'NOUN' || lower[next].endsWith('ing'))) continue;
    // Walk back over modifiers to the opener.
    let first = -1;
    let modifiers = 0;
    for (let k = i - 1; k >= 0 && adjacent(view, k, k + 1); k--) {
      if (opener(view, k)) {
        first = k;
        break;
      }
      const t = tokens[k];
      // "ISIL-held": the word glued after a hyphen is part of the modifier whatever its tag.
      const afterHyphen = k > 0 && tokens[k - 1].text === '-' && tokens[k - 1].end === t.start;
      const modifier = t.text === '-' || afterHyphen || MODIFIER_POS.has(t.pos);
      if (!modifier || ++modifiers > MAX_MODIFIERS) break;
    }
    // A bare plural is a generic place mention too: "liberated dozens of villages", "schools and markets".
    // "both countries", "donor countries" are states acting, not places.
    if (kind === 'country' && lower[i] !== 'country') continue;
    if (first < 0 && isPlural(lower[i], lex)) {
      first = i;
      while (first > 0 && i - first < MAX_MODIFIERS && adjacent(view, first - 1, first) && tokens[first - 1].pos === 'ADJ' && !view.cap[first - 1]) first--;
    }
    if (first < 0) continue;
    found.push({ first, last: i, kind });
  }
  return found;
}

/**
 * The place a mention refers back to: "the city of Mosul" -> Mosul; "the country" -> the last
 * country named; "the town" -> the last named place that is not a country. `places` sorted by start.
 */
export function placeNounEntities(view: TokenView, mentions: PlaceNounMention[], places: EntitySpan[], isCountry: (e: EntitySpan) => boolean): EntitySpan[] {
  const out: EntitySpan[] = [];
  let cursor = 0;
  let lastCountry: EntitySpan | undefined;
  let lastPlace: EntitySpan | undefined;
  for (const m of mentions) {
    const start = view.tokens[m.first].start;
    const end = view.tokens[m.last].end;
    while (cursor < places.length && places[cursor].end <= start) {
      const p = places[cursor++];
      if (isCountry(p)) lastCountry = p;
      else lastPlace = p;
    }
    const entity: EntitySpan = { start, end, text: view.text.slice(start, end), type: 'LOCATION', mention: 'nominal' };
    let target: EntitySpan | undefined;
    if (m.kind === 'settlement') {
      // "the city of Mosul": the name follows.
      const of = m.last + 1;
      const named = view.lower[of] === 'of' ? places.find((p) => p.start === view.tokens[of + 1]?.start) : undefined;
      target = named ?? (view.lower[m.first] === 'the' ? lastPlace : undefined);
    } else if (m.kind === 'country' && view.lower[m.first] === 'the') {
      target = lastCountry;
    }
    if (target) entity.canonical = target.canonical ?? target.text;
    out.push(entity);
  }
  return out;
}
