/**
 * The geoparser's word lists, read once per process from data/gazetteer/ (each file says its source
 * and how to extend it) and compiled into sets and regexes.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { dataPath, readLexiconLines } from '../model/data-files.js';
import { readStateAbbreviations } from './gazetteer.js';

export interface PlaceLexicons {
  /** Lowercased words never read as a place on their own. */
  nonPlaceWords: Set<string>;
  /** Lowercased head nouns of organisation and facility names. */
  organisationWords: Set<string>;
  /** Matches a "before" cue ending right where a name starts ("the village of "); group 1 = kind. */
  beforeCue: RegExp;
  /** Last words of the before cues, lowercased: a cheap pre-test (see lastWordBefore); null = none. */
  beforeCueLastWords: Set<string> | null;
  /** Matches an "after" cue starting right after a name (" province"); kind by lookup of the phrase. */
  afterCue: RegExp;
  afterKind: Map<string, 'exact' | 'region'>;
  beforeKind: Map<string, 'exact' | 'near'>;
  /**
   * US state abbreviations with their states; `dotted` need no preceding town ("W.Va.", "D.C."). A match
   * counts only after a character that is no letter and no period (see abbreviationStartsAt): tested
   * by the caller, since a pattern starting with that lookbehind is tried at every position of a text.
   */
  abbreviations: RegExp;
  abbreviationState: Map<string, string>;
  /** A person's title right before a name ("Sheriff ", "Sen. "). */
  personTitle: RegExp;
  /** Trailing letters of the titles, lowercased ("sheriff's" -> "s"): a cheap pre-test; null = none. */
  personTitleLastWords: Set<string> | null;
  /** A speech verb right after a name (" said"). */
  speechVerb: RegExp;
  /** Lowercased given names (the entity stage's list): "Michael Jones" is a person, not a town. */
  givenNames: Set<string>;
  /** Lowercased names of peoples and faiths ("Kurdish", "Kurds", "Arab", "Druze"): never a town. */
  peoples: Set<string>;
}

let cached: PlaceLexicons | undefined;

/** Shared with the entity stage: one list of given names and one of peoples for the whole project. */
const GIVEN_NAMES_FILE = 'data/entities/given-names.txt';
const PEOPLES_FILE = 'data/entities/peoples.txt';

/**
 * The trailing ASCII letters of each phrase, lowercased: a text can end with one of the phrases only
 * if it ends with one of these. Null (no pre-test) when some phrase does not end with such letters.
 */
function lastLetters(phrases: string[]): Set<string> | null {
  const out = new Set<string>();
  for (const p of phrases) {
    const m = /[a-z]+$/.exec(p.toLowerCase());
    if (!m) return null;
    out.add(m[0]);
  }
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

export function placeLexicons(): PlaceLexicons {
  if (cached) return cached;
  const cues = parse(readFileSync(dataPath('data/gazetteer/place-cues.yaml'), 'utf8')) as {
    before: Record<'exact' | 'near', string[]>;
    after: Record<'exact' | 'region', string[]>;
  };
  const beforeKind = new Map<string, 'exact' | 'near'>();
  for (const kind of ['exact', 'near'] as const) for (const p of cues.before[kind]) beforeKind.set(p.toLowerCase(), kind);
  const afterKind = new Map<string, 'exact' | 'region'>();
  for (const kind of ['exact', 'region'] as const) for (const p of cues.after[kind]) afterKind.set(p.toLowerCase(), kind);
  const byLength = (a: string, b: string) => b.length - a.length;
  const person = parse(readFileSync(dataPath('data/gazetteer/person-cues.yaml'), 'utf8')) as { titles: string[]; verbs: string[] };
  const abbreviations = readStateAbbreviations();
  cached = {
    nonPlaceWords: new Set(readLexiconLines('data/gazetteer/non-place-words.txt').map((w) => w.toLowerCase())),
    organisationWords: new Set(readLexiconLines('data/gazetteer/organisation-words.txt').map((w) => w.toLowerCase())),
    // Both "ends with" patterns are written as a lookbehind from the end ($ first): the engine then
    // reads backwards from the end once instead of trying every start position of the text before a
    // name (same matches, same phrase captured; over ten times faster).
    beforeCue: new RegExp(`$(?<=(?:^|[^\\p{L}])(${[...beforeKind.keys()].sort(byLength).map(escape).join('|')})\\s+(?:the\\s+)?)`, 'iu'),
    beforeCueLastWords: lastLetters([...beforeKind.keys()]),
    beforeKind,
    afterCue: new RegExp(`^\\s+(${[...afterKind.keys()].sort(byLength).map(escape).join('|')})(?![\\p{L}])`, 'iu'),
    afterKind,
    abbreviations: new RegExp(`(${abbreviations.map(([a]) => escape(a)).sort(byLength).join('|')})(?![\\p{L}])`, 'gu'),
    abbreviationState: new Map(abbreviations.map(([a, s]) => [a.replace(/\s+/g, ''), s])),
    personTitle: new RegExp(`$(?<=(?:^|[^\\p{L}])(?:${person.titles.map(escape).sort(byLength).join('|')})\\.?\\s+)`, 'iu'),
    personTitleLastWords: lastLetters(person.titles),
    peoples: new Set(readLexiconLines(PEOPLES_FILE).flatMap((line) => line.split('\t')).map((w) => w.trim().toLowerCase()).filter(Boolean)),
    givenNames: new Set(readLexiconLines(GIVEN_NAMES_FILE).map((w) => w.toLowerCase())),
    speechVerb: new RegExp(`^,?\\s+(?:${person.verbs.map(escape).sort(byLength).join('|')})(?![\\p{L}])`, 'u'),
  };
  return cached;
}
