/**
 * Titles around person names. re3d, like most news annotation, spans the title with the name
 * ("Prime Minister Haider al-Abadi", "Spc. Isiah Booker", "the Iraqi Foreign Minister"), and a title
 * alone ("the secretary", "The Foreign Secretary") names a person just as a pronoun does: both are
 * PERSON, linked to the person last named with that title.
 */
import type { EntitySpan } from '../model/types.js';
import { isTitle } from './classify-run.js';
import type { EntityLexicons } from './lexicons.js';
import { HELD } from './runs.js';
import { tokenStartingAt, type TokenView } from './segments.js';

/** "the", "a", "an": compared directly, as this runs for every token (cheaper than a set lookup). */
function isDeterminer(word: string): boolean {
  return word === 'the' || word === 'a' || word === 'an';
}
const MAX_MODIFIERS = 2;

function adjacent(view: TokenView, a: number, b: number): boolean {
  return view.segment[a] === view.segment[b] && view.tokens[b].start - view.tokens[a].end <= 1;
}

/** First token of the title words right before `first`: "commander | Mazloum Abdi", "Lt. Gen. | Stephen Townsend". */
export function titleStartBefore(view: TokenView, first: number, lex: EntityLexicons, taken: Uint8Array): number {
  let k = first;
  let titled = false;
  for (;;) {
    const before = k - 1;
    if (before < 0 || taken[before] || !adjacent(view, before, k)) return k;
    // wink may split the abbreviation's dot off: "Spc" "."
    if (view.tokens[before].text === '.' && before > 0 && !taken[before - 1] && view.tokens[before - 1].end === view.tokens[before].start && isTitle(view, before - 1, lex)) {
      k = before - 1;
    } else if (view.tokens[before].kind === 'word' && isTitle(view, before, lex)) {
      k = before;
    } else if (titled && view.cap[before] && view.cap[k] && !view.initial[k]) {
      k = before; // "Foreign | Minister", "Navy | Capt."
      continue;
    } else {
      return k;
    }
    titled = true;
  }
}

/** "the" (any case) right before token `first`, or `first`. */
export function withDeterminer(view: TokenView, first: number): number {
  const before = first - 1;
  return before >= 0 && view.lower[before] === 'the' && adjacent(view, before, first) ? before : first;
}

/**
 * Lower-case role descriptions: "the secretary", "the prime minister", "a soldier". A determiner,
 * at most two lower-case modifiers, a title word; a capitalised name right after makes it a title
 * of that name instead (found by the runs), and a noun right after makes the title a modifier
 * ("the minister's office" stays a person, "the army chief of staff" does not end at "chief").
 */
export function roleDescriptions(view: TokenView, taken: Uint8Array, lex: EntityLexicons): { first: number; last: number }[] {
  const { tokens, lower } = view;
  const found: { first: number; last: number }[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!isDeterminer(lower[i])) continue;
    let title = -1;
    for (let k = i + 1; k <= i + 1 + MAX_MODIFIERS && k < tokens.length && adjacent(view, k - 1, k); k++) {
      if (taken[k] === HELD || view.cap[k] || tokens[k].kind !== 'word') break;
      if (isTitle(view, k, lex)) {
        title = k;
        while (title + 1 < tokens.length && adjacent(view, title, title + 1) && isTitle(view, title + 1, lex) && !view.cap[title + 1]) title++;
        break;
      }
    }
    if (title < 0) continue;
    const next = title + 1;
    if (next < tokens.length && adjacent(view, title, next) && tokens[next].kind === 'word' && (view.cap[next] || tokens[next].pos === 'NOUN')) continue;
    found.push({ first: i, last: title });
    i = title;
  }
  return found;
}

/** The head title word of a span ("minister" in "the Prime Minister"), lower-case, or null. */
function headTitle(view: TokenView, e: EntitySpan, lex: EntityLexicons): string | null {
  let head: string | null = null;
  for (let k = tokenStartingAt(view, e.start); k >= 0 && k < view.tokens.length && view.tokens[k].end <= e.end; k++) {
    if (isTitle(view, k, lex)) head = view.lower[k].replace(/\.$/, '');
  }
  return head;
}

/**
 * A title without a name ("the secretary", "The Foreign Secretary") takes the canonical name of the
 * last person named with the same head title before it. `people` is sorted by start.
 */
export function linkRoles(view: TokenView, people: EntitySpan[], roles: Set<EntitySpan>, lex: EntityLexicons): void {
  if (!roles.size) return;
  const lastByTitle = new Map<string, string>();
  for (const person of people) {
    const head = headTitle(view, person, lex);
    if (!head) continue;
    if (roles.has(person)) {
      const canonical = lastByTitle.get(head);
      if (canonical && !person.canonical) person.canonical = canonical;
    } else if (person.canonical) {
      lastByTitle.set(head, person.canonical);
    }
  }
}

const APPOSITION_REACH = 8;
const ROLE_STOPS = new Set([',', '.', ';', ':', ')', '“', '”', '"', '(']);
const ROLE_BREAKERS = new Set(['PRON', 'AUX', 'SCONJ']);

/**
 * The role given in apposition to a named person: "Joseph Votel, commander of U.S. Central Command,
 * said", "Col. John Thomas, Central Command spokesman, will moderate", "John Dorrian, the CJTF-OIR
 * spokesperson." The role ends at the next comma or full stop and its head is a title word (last, or
 * followed by "of"/"for"); a verb or pronoun inside means it is a clause, not a role.
 */
export function appositiveRole(view: TokenView, personLast: number, lex: EntityLexicons): { first: number; last: number } | null {
  const { tokens, lower, segment } = view;
  const comma = personLast + 1;
  if (comma >= tokens.length || tokens[comma].text !== ',' || segment[comma] !== segment[personLast]) return null;
  const first = comma + 1;
  let title = -1;
  let k = first;
  for (; k < tokens.length && k < first + APPOSITION_REACH && segment[k] === segment[first]; k++) {
    const t = tokens[k];
    if (ROLE_STOPS.has(t.text)) break;
    if (ROLE_BREAKERS.has(t.pos) || lower[k] === 'who' || (t.pos === 'VERB' && !lower[k].endsWith('ing'))) return null;
    if (isTitle(view, k, lex)) title = k;
  }
  const last = k - 1;
  if (title < 0 || last < first) return null;
  if (title !== last && lower[title + 1] !== 'of' && lower[title + 1] !== 'for') return null;
  return { first, last };
}
