/**
 * Anchors: token sequences a dictionary or lexicon names outright (an actor alias, a known person,
 * a country, a capital, a nationality, a weapon, a platform, a group noun). Longest match wins, left to
 * right; what is left between anchors is for the proper-noun runs.
 */
import type { ActorDictionary } from '../model/resources.js';
import type { ActorRecord, PersonRecord, SitrepActorDictionary } from './actors.js';
import { entityLexicons, type CountryInfo, type EntityLexicons, type GroupRole, type NationalityInfo } from './lexicons.js';
import { acronymKey } from './name-key.js';
import { PhraseMatcher } from './phrase-matcher.js';
import type { TokenView } from './segments.js';

export type Anchor =
  | { kind: 'actor'; first: number; last: number; actor: ActorRecord }
  | { kind: 'person'; first: number; last: number; person: PersonRecord }
  | { kind: 'country' | 'capital'; first: number; last: number; country: CountryInfo }
  | { kind: 'region'; first: number; last: number }
  | { kind: 'nationality'; first: number; last: number; nationality: NationalityInfo }
  | { kind: 'weapon' | 'platform'; first: number; last: number }
  | { kind: 'group'; first: number; last: number; role: GroupRole };

interface DictionaryMatchers {
  actors: PhraseMatcher<ActorRecord>;
  actorAcronyms: Map<string, ActorRecord>;
  people: PhraseMatcher<PersonRecord>;
  /** Every key a dictionary or lexicon phrase starts with: most tokens start none and are skipped. */
  starts: Set<string>;
}

const matcherCache = new WeakMap<ActorDictionary, DictionaryMatchers>();

/** Phrase matchers over a dictionary's aliases, built once per dictionary. */
function dictionaryMatchers(dictionary: ActorDictionary): DictionaryMatchers {
  const cached = matcherCache.get(dictionary);
  if (cached) return cached;
  const matchers: DictionaryMatchers = { actors: new PhraseMatcher(), actorAcronyms: new Map(), people: new PhraseMatcher(), starts: new Set() };
  for (const entry of dictionary.all()) {
    // A plain ActorDictionary (not ours) has no backers.
    const actor: ActorRecord = { ...entry, backers: (entry as Partial<ActorRecord>).backers ?? [] };
    for (const name of [actor.canonical, ...actor.aliases]) {
      const acronym = acronymKey(name);
      if (acronym) matchers.actorAcronyms.set(acronym, actor);
      else matchers.actors.add(name, actor);
    }
  }
  const people = (dictionary as Partial<SitrepActorDictionary>).people?.() ?? [];
  for (const person of people) for (const name of [person.canonical, ...person.aliases]) matchers.people.add(name, person);
  const lex = entityLexicons();
  for (const matcher of [matchers.actors, matchers.people, lex.countries, lex.capitals, lex.regions, lex.nationalities, lex.groupNouns, lex.weapons, lex.platforms]) {
    for (const key of matcher.firstKeys()) matchers.starts.add(key);
  }
  matcherCache.set(dictionary, matchers);
  return matchers;
}

const ARTICLES = new Set(['al', 'el']);

/** Takes a glued Arabic article ("al-" in "al-Qaida") into the anchor. */
function withArticle(view: TokenView, first: number): number {
  const { tokens, lower, segment } = view;
  if (first >= 2 && tokens[first - 1].text === '-' && ARTICLES.has(lower[first - 2])) {
    if (tokens[first - 1].start === tokens[first - 2].end && tokens[first].start === tokens[first - 1].end) {
      return segment[first - 2] === segment[first] ? first - 2 : first;
    }
  }
  return first;
}

/** The longer of two anchors starting at one token; on a tie the one offered first stays. */
function longer(best: Anchor | undefined, anchor: Anchor): Anchor {
  return !best || anchor.last > best.last ? anchor : best;
}

export function findAnchors(view: TokenView, dictionary: ActorDictionary, lex: EntityLexicons): Anchor[] {
  const dict = dictionaryMatchers(dictionary);
  const { tokens, keys, cap, segmentEnd } = view;
  const anchors: Anchor[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!keys[i]) continue;
    const acronym = cap[i] ? acronymKey(tokens[i].text) : null;
    if (!dict.starts.has(keys[i]) && !(acronym && dict.actorAcronyms.has(acronym))) continue;
    const limit = segmentEnd[i];
    let best: Anchor | undefined;
    if (cap[i]) {
      const byAcronym = acronym ? dict.actorAcronyms.get(acronym) : undefined;
      if (byAcronym) best = longer(best, { kind: 'actor', first: i, last: i, actor: byAcronym });
      const actor = dict.actors.matchAt(keys, i, limit);
      if (actor) best = longer(best, { kind: 'actor', first: i, last: actor.last, actor: actor.value });
      const person = dict.people.matchAt(keys, i, limit);
      if (person) best = longer(best, { kind: 'person', first: i, last: person.last, person: person.value });
      const country = lex.countries.matchAt(keys, i, limit);
      if (country && countryFormOk(view, i, country.last)) best = longer(best, { kind: 'country', first: i, last: country.last, country: country.value });
      const capital = lex.capitals.matchAt(keys, i, limit);
      if (capital) best = longer(best, { kind: 'capital', first: i, last: capital.last, country: capital.value });
      const region = lex.regions.matchAt(keys, i, limit);
      if (region) best = longer(best, { kind: 'region', first: i, last: region.last });
      const nationality = lex.nationalities.matchAt(keys, i, limit);
      if (nationality) best = longer(best, { kind: 'nationality', first: i, last: nationality.last, nationality: nationality.value });
    }
    // Group nouns first: on a tie "fighters" are people, not aircraft.
    const group = lex.groupNouns.matchAt(keys, i, limit);
    if (group) best = longer(best, { kind: 'group', first: i, last: group.last, role: group.value });
    const weapon = lex.weapons.matchAt(keys, i, limit);
    if (weapon) best = longer(best, { kind: 'weapon', first: i, last: weapon.last });
    const platform = lex.platforms.matchAt(keys, i, limit);
    if (platform) best = longer(best, { kind: 'platform', first: i, last: platform.last });
    if (!best) continue;
    const anchor = best as Anchor;
    if (anchor.kind === 'actor' || anchor.kind === 'person') anchor.first = withArticle(view, anchor.first);
    anchors.push(anchor);
    i = anchor.last;
  }
  return anchors;
}

/** "US" the country, never "us"; short country forms must be written in capitals. */
function countryFormOk(view: TokenView, first: number, last: number): boolean {
  if (first !== last) return true;
  const text = view.tokens[first].text;
  return text.replace(/\./g, '').length > 3 || text === text.toUpperCase();
}
