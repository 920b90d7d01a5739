/**
 * The entity lexicons (data/entities/*.txt) and the country tables from the world-countries package,
 * loaded once per process into hash sets and phrase matchers.
 */
import { createRequire } from 'node:module';
import type { ActorCategory } from '../model/types.js';
import { readLexiconLines } from '../model/data-files.js';
import { nameKey } from './name-key.js';
import { PhraseMatcher, addWithPlural, pluralOf } from './phrase-matcher.js';

export interface CountryInfo {
  code: string;
  name: string;
}

/** What a group noun says about the group: an ACLED category, "armed" (category unknown) or nothing. */
export type GroupRole = ActorCategory | 'armed' | null;
export type CoreferenceTarget = 'armed' | 'state' | 'any';
/** What a common place noun refers back to: a named town or region, a country, or nothing (a site). */
export type PlaceNounKind = 'settlement' | 'country' | 'site';

export interface NationalityInfo {
  /** Country the adjective belongs to (Syrian -> SY), null for peoples and religions (Kurdish). */
  country: CountryInfo | null;
  /** The word names people in the plural ("Kurds", "Syrians"): a group, not an adjective. */
  plural: boolean;
}

export interface EntityLexicons {
  titles: Set<string>;
  givenNames: Set<string>;
  orgCues: Set<string>;
  orgLeadCues: Set<string>;
  locationAfter: PhraseMatcher<true>;
  locationAfterFirst: Set<string>;
  locationBefore: Set<string>;
  notNames: Set<string>;
  speechVerbs: Set<string>;
  /** One- or two-word phrases right before a place name ("in", "outskirts of"). */
  locationPrepositions: Set<string>;
  /** Countries by name, official name, alternative spelling ("Syria", "Syrian Arab Republic", "U.S."). */
  countries: PhraseMatcher<CountryInfo>;
  /** Capital cities: LOCATION even before the gazetteer is available. */
  capitals: PhraseMatcher<CountryInfo>;
  nationalities: PhraseMatcher<NationalityInfo>;
  /** World regions and seas that are no country ("Middle East", "Sahel", "Gulf of Aden"). */
  regions: PhraseMatcher<true>;
  weapons: PhraseMatcher<true>;
  platforms: PhraseMatcher<true>;
  groupNouns: PhraseMatcher<GroupRole>;
  coreferenceNouns: PhraseMatcher<CoreferenceTarget>;
  currencyWords: PhraseMatcher<true>;
  /** Common place nouns, singular and plural ("city", "bridges"), with what they refer back to. */
  placeNouns: Map<string, PlaceNounKind>;
}

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  demonyms?: { eng?: { f: string; m: string } };
  currencies?: Record<string, { name: string }>;
}

const lower = (file: string) => new Set(readLexiconLines(file).map((l) => l.toLowerCase()));
/** Titles are compared without their abbreviation dot ("Gen." and "Gen" are one). */
const titleSet = (file: string) => new Set(readLexiconLines(file).map((l) => l.toLowerCase().replace(/\.$/, '')));
const keyed = (file: string) => new Set(readLexiconLines(file).map((l) => nameKey(l)));
const fields = (file: string) => readLexiconLines(file).map((l) => l.split('\t').map((f) => f.trim()));

// Short alternative spellings that are ordinary words or acronyms of other things ("IS" is not Iceland).
const AMBIGUOUS_ALT = /^[A-Z]{1,3}$/;

function loadCountries(lex: Pick<EntityLexicons, 'countries' | 'capitals' | 'nationalities' | 'currencyWords'>): void {
  const require = createRequire(import.meta.url);
  const data = require('world-countries/countries.json') as WorldCountry[];
  for (const c of data) {
    const info: CountryInfo = { code: c.cca2, name: c.name.common };
    lex.countries.add(c.name.common, info);
    lex.countries.add(c.name.official, info);
    for (const alt of c.altSpellings) if (!AMBIGUOUS_ALT.test(alt)) lex.countries.add(alt, info);
    for (const capital of c.capital ?? []) lex.capitals.add(capital, info);
    const demonym = c.demonyms?.eng;
    if (demonym) {
      for (const form of new Set([demonym.m, demonym.f])) {
        lex.nationalities.add(form, { country: info, plural: false });
        if (!/(ese|ss|sh|ch)$/i.test(form)) lex.nationalities.add(`${form}s`, { country: info, plural: true });
      }
    }
    for (const currency of Object.values(c.currencies ?? {})) addWithPlural(lex.currencyWords, currency.name.toLowerCase(), true);
  }
  // News abbreviations the package lists only with dots or not at all.
  const us = { code: 'US', name: 'United States' };
  const uk = { code: 'GB', name: 'United Kingdom' };
  for (const form of ['US', 'U.S.', 'USA', 'U.S.A.', 'America', 'United States of America']) lex.countries.add(form, us);
  for (const form of ['UK', 'U.K.', 'Britain', 'Great Britain']) lex.countries.add(form, uk);
  const byCode = new Map(data.map((c) => [c.cca2, { code: c.cca2, name: c.name.common }]));
  for (const [form, code] of fields('data/entities/country-names.txt')) {
    const info = byCode.get(code);
    if (info) lex.countries.add(form, info);
  }
}

function build(): EntityLexicons {
  const lex: EntityLexicons = {
    titles: titleSet('data/entities/titles.txt'),
    givenNames: keyed('data/entities/given-names.txt'),
    orgCues: lower('data/entities/org-cues.txt'),
    orgLeadCues: lower('data/entities/org-lead-cues.txt'),
    locationAfter: new PhraseMatcher(),
    locationAfterFirst: new Set(),
    locationBefore: new Set(),
    notNames: lower('data/entities/not-names.txt'),
    speechVerbs: lower('data/entities/speech-verbs.txt'),
    locationPrepositions: lower('data/entities/location-prepositions.txt'),
    countries: new PhraseMatcher(),
    capitals: new PhraseMatcher(),
    nationalities: new PhraseMatcher(),
    regions: new PhraseMatcher(),
    weapons: new PhraseMatcher(),
    platforms: new PhraseMatcher(),
    groupNouns: new PhraseMatcher(),
    coreferenceNouns: new PhraseMatcher(),
    currencyWords: new PhraseMatcher(),
    placeNouns: new Map(),
  };
  for (const [word, side] of fields('data/entities/location-cues.txt')) {
    if (side === 'before') lex.locationBefore.add(nameKey(word));
    else {
      lex.locationAfter.add(word, true);
      lex.locationAfterFirst.add(nameKey(word).split(' ')[0]);
    }
  }
  loadCountries(lex);
  for (const [adjective, plural] of fields('data/entities/peoples.txt')) {
    lex.nationalities.add(adjective, { country: null, plural: false });
    if (plural) lex.nationalities.add(plural, { country: null, plural: true });
  }
  for (const phrase of readLexiconLines('data/entities/weapons.txt')) addWithPlural(lex.weapons, phrase, true);
  for (const phrase of readLexiconLines('data/entities/platforms.txt')) addWithPlural(lex.platforms, phrase, true);
  for (const [noun, role] of fields('data/entities/group-nouns.txt')) {
    lex.groupNouns.add(noun, role === '-' ? null : (role as GroupRole));
  }
  for (const [noun, target] of fields('data/entities/coreference-nouns.txt')) {
    lex.coreferenceNouns.add(noun, target as CoreferenceTarget);
  }
  for (const region of readLexiconLines('data/entities/regions.txt')) lex.regions.add(region, true);
  for (const word of readLexiconLines('data/entities/currency-words.txt')) lex.currencyWords.add(word, true);
  for (const [noun, kind] of fields('data/entities/place-nouns.txt')) {
    lex.placeNouns.set(noun, kind as PlaceNounKind);
    lex.placeNouns.set(pluralOf(noun), kind as PlaceNounKind);
  }
  return lex;
}

let cached: EntityLexicons | null = null;

/** The lexicons, read on first use and shared by every document of the process. */
export function entityLexicons(): EntityLexicons {
  cached ??= build();
  return cached;
}
