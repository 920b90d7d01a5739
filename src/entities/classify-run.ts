/**
 * Types a proper-noun run from its own words (titles, organisation and place cue words, given names,
 * the gazetteer) and from the words around it (a place preposition before, a reporting verb after,
 * an apposition "X, 23," or "X, a Kurdish activist"). Returns null when nothing says what it is:
 * a capitalised word is not an entity by itself.
 */
import type { Gazetteer } from '../model/resources.js';
import type { EntityType } from '../model/types.js';
import type { EntityLexicons } from './lexicons.js';
import type { Run } from './runs.js';
import type { TokenView } from './segments.js';
import { nameKey } from './name-key.js';
import { TextMemo } from '../text/text-memo.js';

export interface TypedRun extends Run {
  type: EntityType;
  /** Typed by its shape alone (capitalised proper nouns): context such as a list of places may override it. */
  weak?: boolean;
  /** PERSON runs that open with a title ("Prime Minister Haider al-Abadi"): first token of the name, -1 for a title alone. */
  nameFirst?: number;
}

const APPOSITION_REACH = 8;
const INITIAL = /^\p{Lu}\.$/u;

/** Words before the run that announce a place: "in", "outskirts of". */
function placeBefore(view: TokenView, first: number, lex: EntityLexicons): boolean {
  const { lower, segment } = view;
  const one = first - 1;
  if (one < 0 || segment[one] !== segment[first]) return false;
  if (lex.locationPrepositions.has(lower[one])) return true;
  const two = first - 2;
  return two >= 0 && segment[two] === segment[first] && lex.locationPrepositions.has(`${lower[two]} ${lower[one]}`);
}

function speakerContext(view: TokenView, first: number, last: number, lex: EntityLexicons): boolean {
  const { lower, segment } = view;
  const before = first - 1;
  const after = last + 1;
  if (after < lower.length && segment[after] === segment[last] && lex.speechVerbs.has(lower[after])) return true;
  // `, said X` and `“...,” X said` (the verb may come after a comma too: "X, 23, said").
  return before >= 0 && segment[before] === segment[first] && lex.speechVerbs.has(lower[before]);
}

/** "X, 23," or "X, a 23-year-old student" -> person; "X, an ethnically mixed city" -> place. */
function apposition(view: TokenView, last: number, lex: EntityLexicons): EntityType | null {
  const { tokens, lower, segment } = view;
  const comma = last + 1;
  if (comma >= tokens.length || tokens[comma].text !== ',' || segment[comma] !== segment[last]) return null;
  const next = comma + 1;
  if (next >= tokens.length || segment[next] !== segment[last]) return null;
  if (tokens[next].kind === 'number' && /^\d{1,2}$/.test(tokens[next].text) && (tokens[next + 1]?.text === ',' || tokens[next + 1]?.text === '.')) return 'PERSON';
  if (!['a', 'an', 'the', 'who', 'whose', 'his', 'her'].includes(lower[next])) return null;
  if (lower[next] === 'who' || lower[next] === 'whose') return 'PERSON';
  for (let k = next + 1; k < tokens.length && k <= next + APPOSITION_REACH && segment[k] === segment[last]; k++) {
    if (tokens[k].text === ',' || tokens[k].text === '.') break;
    if (lex.titles.has(lower[k])) return 'PERSON';
    if (lex.locationAfterFirst.has(view.keys[k])) return 'LOCATION';
  }
  return null;
}

export function isTitle(view: TokenView, k: number, lex: EntityLexicons): boolean {
  const word = view.lower[k];
  return lex.titles.has(word.charCodeAt(word.length - 1) === 46 ? word.slice(0, -1) : word);
}

/** The last title word of a run ("Foreign Secretary | Philip Hammond"), or -1. */
function titleEnd(view: TokenView, run: Run, lex: EntityLexicons): number {
  let end = -1;
  for (let k = run.first; k <= run.last; k++) if (isTitle(view, k, lex)) end = k;
  return end;
}

const CONNECTOR_WORDS = new Set(['of', 'for', 'on', 'the']);

/**
 * Where the name starts in a titled run: right after the last title word, or, when the title has an
 * office after it ("Secretary of State John Kerry"), at a given name or the last two words.
 */
function nameStart(view: TokenView, run: Run, end: number, lex: EntityLexicons): number {
  let first = end + 1;
  let connector = -1;
  for (let k = first; k <= run.last; k++) if (CONNECTOR_WORDS.has(view.lower[k])) connector = k;
  if (connector < 0) return first <= run.last ? first : -1;
  first = connector + 1;
  for (let k = first; k <= run.last; k++) if (lex.givenNames.has(view.keys[k])) return k;
  return run.last - first >= 2 ? run.last - 1 : -1;
}

function isAcronym(text: string): boolean {
  return /^[A-Z][A-Z0-9&]{1,6}$/.test(text.replace(/\./g, ''));
}

export function classifyRun(view: TokenView, input: Run, lex: EntityLexicons, gazetteer: Gazetteer): TypedRun | null {
  const { tokens, lower, keys } = view;
  const run = { ...input };
  while (run.first <= run.last && lex.notNames.has(lower[run.first]) && !isTitle(view, run.first, lex)) run.first++;
  if (run.first > run.last) return null;
  const size = run.last - run.first + 1;
  const first = run.first;
  const text = view.text.slice(tokens[first].start, tokens[run.last].end);
  // A word capitalised only because it opens the sentence, and no name by itself.
  if (size === 1 && view.initial[first] && tokens[first].pos !== 'PROPN' && !lex.givenNames.has(keys[first])) return null;
  // re3d (like ACLED's actor notes) keeps the title in the person's span: "Prime Minister Haider al-Abadi".
  const t = titleEnd(view, run, lex);
  if (t >= 0) {
    // "UN General Assembly", "Attorney General Office": a title word inside an organisation name.
    if (t < run.last && lex.orgCues.has(lower[run.last])) return { ...run, type: 'ORGANISATION' };
    // A lone sentence-initial title word ("General", "Chief") says nothing.
    if (run.first === run.last && view.initial[run.first]) return null;
    // The name starts after the first block of titles: "President | Hassan Sheikh Mohamud" ("Sheikh" is part of the name).
    let titleBlockEnd = run.first;
    while (titleBlockEnd <= run.last && !isTitle(view, titleBlockEnd, lex)) titleBlockEnd++;
    for (;;) {
      if (titleBlockEnd < run.last && isTitle(view, titleBlockEnd + 1, lex)) titleBlockEnd++;
      else if (titleBlockEnd + 1 < run.last && tokens[titleBlockEnd + 1].text === '-' && isTitle(view, titleBlockEnd + 2, lex)) titleBlockEnd += 2; // "Secretary-General"
      else break;
    }
    const nameFirst = nameStart(view, run, titleBlockEnd, lex);
    // In a line of capitals only a title with a name after it counts ("SAYS RESIDENT" is a headline).
    if (view.shouting[first] && nameFirst < 0) return null;
    return { ...run, type: 'PERSON', nameFirst };
  }

  if (countryAfter(view, run, lex)) return { ...run, type: 'LOCATION' };
  if (view.shouting[first]) return null;
  // "commander Mazloum Abdi", "Spc. Isiah Booker" (wink may split the abbreviation's dot off).
  let previous = first - 1;
  if (previous > 0 && tokens[previous].text === '.' && tokens[previous - 1].end === tokens[previous].start) previous--;
  if (previous >= 0 && view.segment[previous] === view.segment[first] && isTitle(view, previous, lex)) {
    return { ...run, type: 'PERSON' };
  }
  if (lex.orgCues.has(lower[run.last]) && (size > 1 || !view.initial[first])) return { ...run, type: 'ORGANISATION' };
  if (lex.orgLeadCues.has(lower[first]) && lower.indexOf('of', first) >= 0 && lower.indexOf('of', first) <= run.last) return { ...run, type: 'ORGANISATION' };
  if (size > 1 && lex.locationBefore.has(keys[first])) return { ...run, type: 'LOCATION' };
  for (let k = first + 1; k <= run.last; k++) {
    if (lex.locationAfter.matchAt(keys, k, run.last)?.last === run.last) return { ...run, type: 'LOCATION' };
  }
  const cueAfter = lex.locationAfter.matchAt(keys, run.last + 1, view.segmentEnd[run.last]);
  if (cueAfter && !view.cap[run.last + 1]) return { ...run, last: cueAfter.last, type: 'LOCATION' };

  const given = lex.givenNames.has(keys[first]) && size > 1;
  const placeContext = placeBefore(view, first, lex);
  const placeKnown = knownPlace(gazetteer, text);
  if (placeContext && (placeKnown || anyPlace(gazetteer, text))) return { ...run, type: 'LOCATION' };
  if (given) return { ...run, type: 'PERSON' };
  // "the White House said", "the Kremlin said": a person's name takes no article; a speaker with one is an institution.
  const afterArticle = first > 0 && lower[first - 1] === 'the' && view.segment[first - 1] === view.segment[first];
  if (speakerContext(view, first, run.last, lex)) return { ...run, type: afterArticle ? 'ORGANISATION' : 'PERSON' };
  if (size > 1 && lower[run.last + 1] === 'of' && lower[run.last + 2] === 'the' && view.cap[run.last + 3]) {
    return { ...run, type: 'PERSON' }; // "Misty Buswell of the IRC"
  }
  const appositive = apposition(view, run.last, lex);
  if (appositive) return { ...run, type: appositive };
  if (placeKnown || placeContext) return { ...run, type: 'LOCATION' };
  if (isAcronym(text)) return { ...run, type: 'ORGANISATION' };
  if (size > 1 && size <= 4 && !afterArticle && personShaped(view, run)) return { ...run, type: 'PERSON', weak: true };
  return null;
}

/** What the gazetteer says about one surface form: some entry matches it, one bears exactly that name. */
interface PlaceAnswer {
  any: boolean;
  exact: boolean;
}

// Per process and gazetteer: news repeats its place names, and a lookup folds and scans candidates.
const placeAnswers = new WeakMap<Gazetteer, TextMemo<PlaceAnswer>>();

function placeAnswer(gazetteer: Gazetteer, text: string): PlaceAnswer {
  let cache = placeAnswers.get(gazetteer);
  if (!cache) placeAnswers.set(gazetteer, (cache = new TextMemo(50_000)));
  let answer = cache.get(text);
  if (!answer) {
    const key = nameKey(text);
    const entries = gazetteer.lookup(text);
    answer = { any: entries.length > 0, exact: entries.some((entry) => nameKey(entry.name) === key) };
    cache.set(text, answer);
  }
  return answer;
}

/**
 * The gazetteer matches transliteration-aware, so "Fears" finds "Fars": alone (without "in" before it)
 * a name counts as a place only when a known place bears exactly that name.
 */
export function knownPlace(gazetteer: Gazetteer, text: string): boolean {
  return placeAnswer(gazetteer, text).exact;
}

/** Any gazetteer entry, fuzzy matches included: only for names a cue already marks as places. */
function anyPlace(gazetteer: Gazetteer, text: string): boolean {
  return placeAnswer(gazetteer, text).any;
}

/** "Misty Buswell": every word a capitalised word the tagger calls a proper noun, none a cue word. */
function personShaped(view: TokenView, run: Run): boolean {
  for (let k = run.first; k <= run.last; k++) {
    const token = view.tokens[k];
    if (!view.cap[k]) continue; // particles
    if (INITIAL.test(token.text)) continue; // "Isiah L. Booker"
    if (token.text === token.text.toUpperCase() && token.text.length > 1) return false;
    if (token.pos !== 'PROPN') return false;
  }
  return true;
}

/** "Palmyra, Syria" and datelines ("QAMISHLI, Syria:"): a name then a comma and a country is a place. */
function countryAfter(view: TokenView, run: Run, lex: EntityLexicons): boolean {
  const next = run.last + 1;
  if (view.tokens[next]?.text !== ',' || view.segment[next] !== view.segment[run.last]) return false;
  const after = next + 1;
  if (after >= view.tokens.length || view.segment[after] !== view.segment[run.last]) return false;
  const country = lex.countries.matchAt(view.keys, after, view.segmentEnd[after]);
  if (!country) return false;
  // "Syria, Iraq and Turkey" is a list of countries, not a place and its country.
  return !lex.countries.matchAt(view.keys, run.first, run.last);
}
