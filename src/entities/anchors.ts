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
import { keyHash, type TokenView } from './segments.js';

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
  /**
   * Every key a dictionary or lexicon phrase starts with, and which matchers (bits below) have a
   * phrase starting with it: most tokens start none and are skipped, the others walk only the
   * matchers that can match. These tables are large and cold by the time the entity stage runs (the
   * other stages run in between), so each lookup they save is a cache miss saved.
   */
  starts: Map<string, number>;
  /** Bits of keyFilterIndex() over `starts`: a key whose bit is clear starts nothing. */
  startFilter: Uint8Array;
}

const ACTORS = 1;
const PEOPLE = 2;
const COUNTRIES = 4;
const CAPITALS = 8;
const REGIONS = 16;
const NATIONALITIES = 32;
const GROUPS = 64;
const WEAPONS = 128;
const PLATFORMS = 256;

// 2^15 bits (4 KB, small enough to stay in cache while the stage runs): with the few thousand first
// words of the bundled dictionary and lexicons set, nine in ten words that start no phrase are turned
// away without a lookup in `starts`.
const FILTER_BITS = 1 << 15;

/** keyHash() of a key, cut to the filter's size. */
function filterIndex(hash: number): number {
  return hash & (FILTER_BITS - 1);
}

/** Which matchers have a phrase starting with `key` (0: none); `hash` is its keyHash(). */
function startingMatchers(dict: DictionaryMatchers, key: string, hash: number): number {
  const bit = filterIndex(hash);
  if ((dict.startFilter[bit >>> 3] & (1 << (bit & 7))) === 0) return 0;
  return dict.starts.get(key) ?? 0;
}

const matcherCache = new WeakMap<ActorDictionary, DictionaryMatchers>();

/** Phrase matchers over a dictionary's aliases, built once per dictionary. */
function dictionaryMatchers(dictionary: ActorDictionary): DictionaryMatchers {
  const cached = matcherCache.get(dictionary);
  if (cached) return cached;
  const matchers: DictionaryMatchers = {
    actors: new PhraseMatcher(),
    actorAcronyms: new Map(),
    people: new PhraseMatcher(),
    starts: new Map(),
    startFilter: new Uint8Array(FILTER_BITS / 8),
  };
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
  const bits: [PhraseMatcher<unknown>, number][] = [
    [matchers.actors, ACTORS],
    [matchers.people, PEOPLE],
    [lex.countries, COUNTRIES],
    [lex.capitals, CAPITALS],
    [lex.regions, REGIONS],
    [lex.nationalities, NATIONALITIES],
    [lex.groupNouns, GROUPS],
    [lex.weapons, WEAPONS],
    [lex.platforms, PLATFORMS],
  ];
  for (const [matcher, bit] of bits) {
    for (const key of matcher.firstKeys()) {
      matchers.starts.set(key, (matchers.starts.get(key) ?? 0) | bit);
      const index = filterIndex(keyHash(key));
      matchers.startFilter[index >>> 3] |= 1 << (index & 7);
    }
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
  const { tokens, keys, keyHashes, cap, segmentEnd } = view;
  const anchors: Anchor[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!keys[i]) continue;
    const acronym = cap[i] ? acronymKey(tokens[i].text) : null;
    const starting = startingMatchers(dict, keys[i], keyHashes[i]);
    if (!starting && !(acronym && dict.actorAcronyms.has(acronym))) continue;
    const limit = segmentEnd[i];
    let best: Anchor | undefined;
    if (cap[i]) {
      const byAcronym = acronym ? dict.actorAcronyms.get(acronym) : undefined;
      if (byAcronym) best = longer(best, { kind: 'actor', first: i, last: i, actor: byAcronym });
      const actor = starting & ACTORS ? dict.actors.matchAt(keys, i, limit) : undefined;
      if (actor) best = longer(best, { kind: 'actor', first: i, last: actor.last, actor: actor.value });
      const person = starting & PEOPLE ? dict.people.matchAt(keys, i, limit) : undefined;
      if (person) best = longer(best, { kind: 'person', first: i, last: person.last, person: person.value });
      const country = starting & COUNTRIES ? lex.countries.matchAt(keys, i, limit) : undefined;
      if (country && countryFormOk(view, i, country.last)) best = longer(best, { kind: 'country', first: i, last: country.last, country: country.value });
      const capital = starting & CAPITALS ? lex.capitals.matchAt(keys, i, limit) : undefined;
      if (capital) best = longer(best, { kind: 'capital', first: i, last: capital.last, country: capital.value });
      const region = starting & REGIONS ? lex.regions.matchAt(keys, i, limit) : undefined;
      if (region) best = longer(best, { kind: 'region', first: i, last: region.last });
      const nationality = starting & NATIONALITIES ? lex.nationalities.matchAt(keys, i, limit) : undefined;
      if (nationality) best = longer(best, { kind: 'nationality', first: i, last: nationality.last, nationality: nationality.value });
    }
    // Group nouns first: on a tie "fighters" are people, not aircraft.
    const group = starting & GROUPS ? lex.groupNouns.matchAt(keys, i, limit) : undefined;
    if (group) best = longer(best, { kind: 'group', first: i, last: group.last, role: group.value });
    const weapon = starting & WEAPONS ? lex.weapons.matchAt(keys, i, limit) : undefined;
    if (weapon) best = longer(best, { kind: 'weapon', first: i, last: weapon.last });
    const platform = starting & PLATFORMS ? lex.platforms.matchAt(keys, i, limit) : undefined;
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
