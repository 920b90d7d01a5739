/**
 * Toponym recognition: finds the names in a text that the gazetteer knows and that are used as places.
 * Demonyms ("Syrian") and names inside organisation names are returned too, flagged: they steer
 * resolution even where a corpus or the pipeline does not count them as places.
 * Only capitalised words are looked up (so "on" or "the" never become towns), inside runs of
 * capitalised words; a name inside a longer proper name ("Syrian Observatory for Human Rights",
 * "Misty Buswell") is not a place of its own. Cues around a name ("the village of X", "X province",
 * "near X") let through names that would otherwise be doubted and say how exact the reference is.
 */
import type { Span } from '../model/types.js';
import type { NameMatch, PlaceMatcher } from './gazetteer-index.js';
import { placeLexicons } from './lexicons.js';
import { scanWords } from './word-scan.js';
import { TextMemo } from '../text/text-memo.js';

export type CueKind = 'exact' | 'near' | 'region';

export interface ToponymCandidate extends Span {
  text: string;
  matches: NameMatch[];
  /** Words around the name that mark it as a place, if any. */
  cue: CueKind | null;
  /** Every match is a demonym ("Syrian"): a place only for corpora that annotate adjectives. */
  demonym: boolean;
  /** Part of an organisation or facility name ("Rapides Parish" in "Rapides Parish Fire District"). */
  embedded: boolean;
  /** A US state abbreviation after a town ("Charleston, W.Va."): the state it names. */
  state?: string;
}


interface Token extends Span {
  text: string;
  capitalised: boolean;
  allCaps: boolean;
}

const POSSESSIVE_RE = /['’]s$/u;
/** Lowercase words that may sit inside a multi-word place name ("Bosnia and Herzegovina"). */
const CONNECTORS = new Set(['of', 'de', 'del', 'la', 'le', 'du', 'des', 'da', 'do', 'dos', 'das', 'al', 'el', 'ez', 'es', 'ad', 'as', 'ash', 'an', 'ar', 'az', 'at', 'ath', 'adh', 'er', 'bin', 'ibn', 'upon', 'y', 'am', 'im', 'sur', 'en']);
/** Capitalised words that qualify a place without making a new name ("Northern Syria"). */
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeast', 'northwest', 'southeast', 'southwest', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'upper', 'lower', 'greater', 'downtown', 'rural']);
/** Generic words after a name that belong to the place ("Raqqa Province", "Hasakah City"). */
const GENERIC_SUFFIXES = new Set(['province', 'governorate', 'region', 'district', 'county', 'city', 'camp', 'valley', 'river', 'desert', 'countryside', 'state', 'oblast', 'municipality', 'township', 'village', 'town', 'area', 'parish', 'borough']);
const CONNECTORS_OR_SUFFIXES = new Set([...CONNECTORS, ...GENERIC_SUFFIXES]);
const MAX_NAME_TOKENS = 6;
const TITLE_CASE_WORDS = new Set(['In', 'For', 'With', 'To', 'At', 'On', 'From', 'After', 'Over', 'As', 'By', 'Into', 'Amid', 'Against', 'Is', 'Are', 'Be', 'A', 'An']);

/**
 * What a lone capitalised word names: its gazetteer matches, or none when it is no plausible name
 * (a pronoun or initial, an ordinary or organisation word). Depends on the word alone, so it is
 * remembered per word and gazetteer (bounded, like the gazetteer's own memos): one lookup per
 * capitalised word instead of a test and two lookups.
 */
function singleWordMatches(t: Token, gazetteer: PlaceMatcher, lex: ReturnType<typeof placeLexicons>): NameMatch[] {
  let memo = singleWordMemo.get(gazetteer);
  if (!memo) singleWordMemo.set(gazetteer, (memo = new TextMemo(50_000)));
  let matches = memo.get(t.text);
  if (matches === undefined) {
    matches = plausibleWord(t, lex) ? gazetteer.match(t.text) : NO_MATCHES;
    memo.set(t.text, matches);
  }
  return matches;
}

const singleWordMemo = new WeakMap<PlaceMatcher, TextMemo<NameMatch[]>>();
const NO_MATCHES: NameMatch[] = [];

/** A lone word worth looking up: not a pronoun or initial, not an ordinary or organisation word. */
function plausibleWord(t: Token, lex: ReturnType<typeof placeLexicons>): boolean {
  if (t.text.length < 2 || !TWO_LETTERS_RE.test(t.text)) return false;
  // "I'll", "I'd", "We've": contractions fold to names ("ill" is an abbreviation of Illinois).
  if (CONTRACTION_RE.test(t.text)) return false;
  const lower = t.text.toLowerCase();
  return !lex.nonPlaceWords.has(lower) && !lex.organisationWords.has(lower) && !DIRECTIONS.has(lower);
}

const CONTRACTION_RE = /['’](?:ll|d|ve|re|m|t)$/i;
const TWO_LETTERS_RE = /\p{L}.*\p{L}/su;

// Patterns with Unicode property escapes are module constants: tsx (esbuild) turns such a literal
// written inside a function into a `new RegExp` made at every call.
/** "Britain-based", "US-backed": a capitalised modifier before a lowercase word. */
const CAPITALISED_MODIFIER_RE = /^(\p{Lu}.*?)[-‐]\p{Ll}+$/u;
const ARTICLE_PREFIX_RE = /^(?:al|el|ad|as|ash|ar|az|at|an)[-‐]/iu;
/** "al-Hol", "ad-Dana": a lowercase article hyphened to a capitalised name. */
const ARTICLE_LED_RE = /^(?:al|el|ad|as|ash|ar|az|at|an|ed|es|ez|er)[-‐]\p{Lu}/u;
const DOTTED_RE = /\.\s?\p{L}/u;
/** Text ending in "Town, " (before a state abbreviation). */
export const AFTER_TOWN_RE = /\p{Lu}[\p{L}.'-]*,\s*$/u;
/** ", Syria" after a shouted dateline name. */
const DATELINE_SHAPED_RE = /^,\s*\p{Lu}\p{Ll}/u;
/** A hyphen and a lowercase word after a name ("-backed"). */
export const HYPHEN_MODIFIER_RE = /^[-‐]\p{Ll}/u;

// Per-token work is kept to character-code tests and string comparisons; the regexes run only on
// the few tokens with a hyphen or an apostrophe, or outside ASCII (recognition reads every word of
// every article).
function tokenise(text: string): { tokens: Token[]; lowerWords: WordsByLength } {
  const tokens: Token[] = [];
  // Lowercase words matter only as connectors and generic suffixes inside names; the others only
  // as evidence that the text writes a word in lowercase ("reading"), so they are only remembered
  // (by position when the word is plain lowercase ASCII, the common case: no string is made).
  const lowerWords = new WordsByLength(text);
  scanWords(text, (start, wordEnd, joined, plain) => {
    if (plain && !connectorAt(text, start, wordEnd)) {
      lowerWords.addAt(start, wordEnd);
      return;
    }
    let t = text.slice(start, wordEnd);
    // Apostrophes and hyphens come into a word only as joiners: a word without one has neither.
    const last = t.charCodeAt(t.length - 1);
    if (joined && (last === 115 || last === 83) && POSSESSIVE_RE.test(t)) t = t.slice(0, -2);
    const hyphenated = joined && (t.includes('-') || t.includes('‐'));
    // "Britain-based", "US-backed": the modifier is not part of the name.
    if (hyphenated) {
      const modifier = CAPITALISED_MODIFIER_RE.exec(t);
      if (modifier && !ARTICLE_PREFIX_RE.test(t)) t = modifier[1]!;
    }
    const isUpper = startsUpper(t);
    if (!isUpper && !hyphenated && !CONNECTORS_OR_SUFFIXES.has(t)) {
      lowerWords.add(lowerCased(t));
      return;
    }
    // "al-Hol", "ad-Dana": a lowercase article hyphened to a capitalised name starts a name.
    const articleLed = !isUpper && hyphenated && ARTICLE_LED_RE.test(t);
    // All capitals: no lowercase letter, at least one cased letter, and two letters in all.
    const upper = isUpper && t.length > 1 && !hasAsciiLowercase(t) && t === t.toUpperCase();
    tokens.push({
      start,
      end: start + t.length,
      text: t,
      capitalised: isUpper || articleLed,
      allCaps: upper && TWO_LETTERS_RE.test(t),
    });
    if (!isUpper && !articleLed) lowerWords.add(lowerCased(t));
  });
  return { tokens, lowerWords };
}

/** The first character changes when lower-cased (a capital): decided by its code for ASCII. */
function startsUpper(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const first = t.charAt(0);
  return first !== first.toLowerCase();
}

function hasAsciiLowercase(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/** t.toLowerCase(), without the call (and its new string) for words already in lowercase ASCII. */
function lowerCased(t: string): string {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return t.toLowerCase();
  }
  return t;
}

/**
 * The lowercase words of an article, asked only "is this word among them" a few times per article:
 * kept in lists by length (strings, or the offsets of plain words in the text) rather than hashed
 * into a Set, which cost more to build than all the questions cost to answer.
 */
class WordsByLength {
  private readonly words: string[][] = [];
  private readonly starts: number[][] = [];

  constructor(private readonly text: string) {}

  add(word: string): void {
    (this.words[word.length] ??= []).push(word);
  }

  /** A plain word (lowercase ASCII letters and digits: its own lowercase form) at [start, end). */
  addAt(start: number, end: number): void {
    (this.starts[end - start] ??= []).push(start);
  }

  /** `word` is lowercase. */
  has(word: string): boolean {
    if (this.words[word.length]?.includes(word)) return true;
    for (const start of this.starts[word.length] ?? []) if (this.text.startsWith(word, start)) return true;
    return false;
  }
}

/** Connectors and generic suffixes filed by length and first letters, to test a word in place. */
const CONNECTOR_KEYS = new Map<number, string[]>();
function wordKey(text: string, start: number, length: number): number {
  let key = length;
  for (let i = 0; i < length && i < 4; i++) key = key * 128 + text.charCodeAt(start + i);
  return key;
}
for (const w of CONNECTORS_OR_SUFFIXES) {
  const key = wordKey(w, 0, w.length);
  CONNECTOR_KEYS.set(key, [...(CONNECTOR_KEYS.get(key) ?? []), w]);
}

/**
 * Lengths (bit n: n characters) of the connectors and suffixes, by first character: most words are
 * ruled out by their first character and length, before a key is made and looked up.
 */
const CONNECTOR_LENGTHS = new Int32Array(128);
for (const w of CONNECTORS_OR_SUFFIXES) {
  const first = w.charCodeAt(0);
  if (first >= 128 || w.length > 30) throw new Error(`connector ${w}: ASCII and short only`);
  CONNECTOR_LENGTHS[first] |= 1 << w.length;
}

/** CONNECTORS_OR_SUFFIXES.has(text.slice(start, end)), without making the string. */
function connectorAt(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first >= 128 || end - start > 30 || !(CONNECTOR_LENGTHS[first]! & (1 << (end - start)))) return false;
  const list = CONNECTOR_KEYS.get(wordKey(text, start, end - start));
  return list !== undefined && list.some((w) => text.startsWith(w, start));
}

/** Two tokens belong to one run when only spaces (no comma, period or line break) separate them. */
function joined(text: string, a: Token, b: Token): boolean {
  if (b.start <= a.end) return false;
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Lines written all in capitals (subheads, shouted headlines): their words are not names. */
function allCapsLineRanges(text: string): Span[] {
  const ranges: Span[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    // Most lines have a lowercase letter, most of them an ASCII one early on: settled in place,
    // without cutting the line out, upper-casing it or building its letters-only string.
    if (!hasAsciiLowercaseIn(text, pos, end)) {
      const line = text.slice(pos, end);
      if (line === line.toUpperCase()) {
        const letters = line.replace(/[^\p{L}]/gu, '');
        if (letters.length >= 8 && letters === letters.toUpperCase()) ranges.push({ start: pos, end });
      }
    }
    pos = end + 1;
  }
  return ranges;
}

function hasAsciiLowercaseIn(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

function titleBefore(before: string, lex: ReturnType<typeof placeLexicons>): boolean {
  return mayEndWith(before, lex.personTitleLastWords, false) && lex.personTitle.test(before);
}

const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * A cheap necessary test for the cue and title regexes, which only match a text ending in one of
 * their phrases and whitespace (a title may take a period, a cue a "the"): false when the letters
 * before the final whitespace end no phrase. Anything outside ASCII there (Unicode spaces, letters
 * that fold case in Unicode ways) is left to the regex (true). Most names follow no cue, and the
 * regexes, tried at every position of the text before a name, are costly.
 */
function mayEndWith(before: string, lastWords: Set<string> | null, theAllowed: boolean): boolean {
  if (!lastWords) return true;
  let i = before.length;
  for (let pass = 0; pass < 2; pass++) {
    const end = i;
    while (i > 0 && isAsciiSpace(before.charCodeAt(i - 1))) i--;
    if (i > 0 && before.charCodeAt(i - 1) >= 128) return true;
    if (i === end) return false;
    if (!theAllowed && i > 0 && before.charCodeAt(i - 1) === 46) i--;
    const wordEnd = i;
    while (i > 0 && isAsciiLetter(before.charCodeAt(i - 1))) i--;
    if (i > 0 && before.charCodeAt(i - 1) >= 128) return true;
    const word = before.slice(i, wordEnd).toLowerCase();
    if (lastWords.has(word)) return true;
    if (!theAllowed || word !== 'the') return false;
  }
  return false;
}

function atSentenceStart(text: string, at: number): boolean {
  return /(^|[.!?:"“”‘’]\s*|\n\s*)$/.test(text.slice(Math.max(0, at - 3), at));
}

function inside(ranges: Span[], at: number): boolean {
  return ranges.some((r) => at >= r.start && at < r.end);
}

export function recogniseToponyms(
  text: string,
  gazetteer: PlaceMatcher,
  excluded: Span[] = [],
): ToponymCandidate[] {
  const lex = placeLexicons();
  const { tokens, lowerWords } = tokenise(text);
  const capsLines = allCapsLineRanges(text);
  const out: ToponymCandidate[] = [];
  const personParts = new Set<string>();
  const abbreviationSpans = stateAbbreviations(text, gazetteer, lex, out);
  const scan: RunScan = { text, tokens, gazetteer, lex, lowerWords, capsLines, out, personParts };

  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    if (!tok.capitalised || inside(abbreviationSpans, tok.start)) {
      i++;
      continue;
    }
    // The run: capitalised tokens joined by spaces, connectors allowed between capitalised tokens.
    const run: number[] = [i];
    let j = i + 1;
    while (j < tokens.length && joined(text, tokens[j - 1]!, tokens[j]!)) {
      const t = tokens[j]!;
      if (t.capitalised) run.push(j);
      else if (CONNECTORS.has(t.text.toLowerCase()) && tokens[j + 1]?.capitalised && joined(text, t, tokens[j + 1]!)) run.push(j);
      else break;
      j++;
    }
    namesInRun(scan, run);
    i = run[run.length - 1]! + 1;
  }
  const kept: ToponymCandidate[] = [];
  for (const c of out) if (!overlapsAny(excluded, c.start, c.end) && (c.state || !isPerson(text, c, personParts, lex))) kept.push(c);
  return kept.sort(byStart);
}

const byStart = (a: Span, b: Span) => a.start - b.start;

/** State abbreviations, pushed to `out`: "Charleston, W.Va." (dotted ones stand alone too). Returns their spans. */
function stateAbbreviations(text: string, gazetteer: PlaceMatcher, lex: ReturnType<typeof placeLexicons>, out: ToponymCandidate[]): Span[] {
  const spans: Span[] = [];
  const pattern = lex.abbreviations;
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    const start = m.index;
    if (!abbreviationStartsAt(text, start)) {
      // As the lookbehind would have it: the next match may start one character on.
      pattern.lastIndex = start + 1;
      continue;
    }
    const surface = m[1]!;
    const dotted = DOTTED_RE.test(surface);
    const afterTown = AFTER_TOWN_RE.test(text.slice(Math.max(0, start - 40), start));
    if (!dotted && !afterTown) continue;
    const state = lex.abbreviationState.get(surface.replace(/\s+/g, ''));
    const matches = gazetteer.match(surface).filter((x) => x.entry.featureCode === 'ADM1' && x.entry.countryCode === 'US');
    if (!state || !matches.length) continue;
    spans.push({ start, end: start + surface.length });
    out.push({ start, end: start + surface.length, text: surface, matches, cue: null, demonym: false, embedded: false, state });
  }
  return spans;
}

/** No letter and no period right before `at` (by code point): where a state abbreviation may start. */
function abbreviationStartsAt(text: string, at: number): boolean {
  if (at === 0) return true;
  const c = text.charCodeAt(at - 1);
  if (c < 128) return !((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46);
  return !LETTER_OR_PERIOD_BEFORE.test(text.slice(Math.max(0, at - 2), at));
}

const LETTER_OR_PERIOD_BEFORE = /[\p{L}.]$/u;

function overlapsAny(spans: Span[], start: number, end: number): boolean {
  for (const x of spans) if (start < x.end && end > x.start) return true;
  return false;
}

/**
 * A word that is part of a person's full name anywhere in the text is that person when it stands
 * alone ("Chiquita Raquel Henry ... Henry's arrest"); so is a name after a title or before "said".
 * "residents of Homs said": a place preposition before the name outweighs the verb after it.
 * A country, its adjective or a capital after a title or before "said" is still the place, or the
 * government metonymy the corpora tag as the place ("deputy Russian foreign minister", "Washington said").
 */
function isPerson(text: string, c: ToponymCandidate, personParts: Set<string>, lex: ReturnType<typeof placeLexicons>): boolean {
  if (!/\s/.test(c.text) && personParts.has(c.text)) return true;
  // Asked first, as for every name: a call made only in the rare cases below would be compiled as a
  // bail-out (no feedback yet) and throw recogniseToponyms back to be compiled again.
  if (countryLike(c)) return false;
  return (
    titleBefore(text.slice(Math.max(0, c.start - 20), c.start), lex) ||
    (lex.speechVerb.test(text.slice(c.end, c.end + 20)) && !/\b(?:of|in|from|at|near|to)\s+$/.test(text.slice(Math.max(0, c.start - 8), c.start)))
  );
}

function countryLike(c: ToponymCandidate): boolean {
  if (c.demonym) return true;
  for (const m of c.matches) if (m.primary && m.level === 'strict' && COUNTRY_LIKE_CODE.test(m.entry.featureCode ?? '')) return true;
  return false;
}

const COUNTRY_LIKE_CODE = /^(PCL.*|PPLC)$/;

/** A name the gazetteer knows inside a run: run positions `from` to `to`. */
interface RunName {
  from: number;
  to: number;
  matches: NameMatch[];
}

/** What recognising the runs of one text reads and fills: made once per text, passed to each run. */
interface RunScan {
  text: string;
  tokens: Token[];
  gazetteer: PlaceMatcher;
  lex: ReturnType<typeof placeLexicons>;
  lowerWords: WordsByLength;
  capsLines: Span[];
  /** The candidates found so far. */
  out: ToponymCandidate[];
  /** Words of people's names seen in runs ("Jordan" in "Michael Jordan"). */
  personParts: Set<string>;
}

/** How a name inside a run reads, by the rest of the run (see namesInRun). */
const PLACE = 0;
const EMBEDDED = 1;
const PERSON = 2;

/**
 * The names in one run of capitalised words, pushed to `out`; the words of a person's name the run
 * holds are added to `personParts`. Split into a few functions so the optimising compiler works on
 * small bodies (and a deoptimisation in one recompiles only that one): recognition runs on every
 * article, and this was the dearest function to compile of the places stage.
 */
function namesInRun(scan: RunScan, run: number[]): void {
  const { text, tokens, gazetteer, lex } = scan;
  // Most runs are one capitalised word the gazetteer does not know: nothing to decide.
  if (run.length === 1) {
    const hit = longestNameAt(text, tokens, run, 0, gazetteer, lex);
    if (hit) namesWithContext(scan, run, [hit]);
    return;
  }
  namesWithContext(scan, run, longestNames(text, tokens, run, gazetteer, lex));
}

/** The longest names of a run, left to right, none overlapping another. */
function longestNames(text: string, tokens: Token[], run: number[], gazetteer: PlaceMatcher, lex: ReturnType<typeof placeLexicons>): RunName[] {
  const found: RunName[] = [];
  let k = 0;
  while (k < run.length) {
    const hit = longestNameAt(text, tokens, run, k, gazetteer, lex);
    if (hit) {
      found.push(hit);
      k = hit.to + 1;
    } else k++;
  }
  return found;
}

/** The longest name starting at run position `k` (at most MAX_NAME_TOKENS words), or null. */
function longestNameAt(
  text: string,
  tokens: Token[],
  run: number[],
  k: number,
  gazetteer: PlaceMatcher,
  lex: ReturnType<typeof placeLexicons>,
): RunName | null {
  const first = tokens[run[k]!]!;
  if (!first.capitalised) return null;
  for (let len = Math.min(MAX_NAME_TOKENS, run.length - k); len >= 1; len--) {
    const last = tokens[run[k + len - 1]!]!;
    if (!last.capitalised) continue;
    // A lone word is matched outright (a name the gazetteer has always matches); a longer phrase
    // is first only tested, since most are no name at all.
    let matches: NameMatch[];
    if (len === 1) matches = singleWordMatches(first, gazetteer, lex);
    else {
      const phrase = text.slice(first.start, last.end);
      if (!gazetteer.has(phrase)) continue;
      matches = gazetteer.match(phrase);
    }
    if (matches.length) return { from: k, to: k + len - 1, matches };
  }
  return null;
}

/**
 * The capitalised words of a run outside its names: whether one is an organisation word, and which
 * are "foreign" (no place and no qualifier: another name), with the first and last of those.
 */
interface OtherWords {
  /** A headline in Title Case capitalises everything: other capitals then say nothing. */
  titleCase: boolean;
  organisation: boolean;
  /** 1 at the run positions of foreign words. */
  foreign: number[];
  foreignCount: number;
  firstForeign: number;
  lastForeign: number;
}

function otherWords(text: string, tokens: Token[], run: number[], found: RunName[], lex: ReturnType<typeof placeLexicons>, lowerWords: WordsByLength): OtherWords {
  const words: OtherWords = { titleCase: false, organisation: false, foreign: [], foreignCount: 0, firstForeign: Infinity, lastForeign: -Infinity };
  let name = 0; // the first name not ending before the position
  for (let pos = 0; pos < run.length; pos++) {
    const t = tokens[run[pos]!]!;
    if (pos > 0 && TITLE_CASE_WORDS.has(t.text)) words.titleCase = true;
    while (name < found.length && found[name]!.to < pos) name++;
    words.foreign.push(0);
    if (name < found.length && found[name]!.from <= pos) continue;
    const lower = t.text.toLowerCase();
    if (!t.capitalised || CONNECTORS.has(lower)) continue;
    // "Another Gainesville business": a sentence's first word that the text also writes in lowercase
    // is an ordinary word, not the first name of a person.
    if (pos === 0 && lowerWords.has(lower) && atSentenceStart(text, t.start)) continue;
    if (lex.organisationWords.has(lower)) words.organisation = true;
    else if (DIRECTIONS.has(lower) || GENERIC_SUFFIXES.has(lower) || lex.nonPlaceWords.has(lower)) continue;
    words.foreign[pos] = 1;
    words.foreignCount++;
    if (pos < words.firstForeign) words.firstForeign = pos;
    words.lastForeign = pos;
  }
  return words;
}

/**
 * What else is in the run decides whether a name in it is a place, a place used inside another
 * name ("Paris High School", "University of Georgia": embedded), or part of a person's name
 * ("Misty Buswell", "Michael Jones": dropped).
 */
function verdictOf(tokens: Token[], run: number[], found: RunName[], n: number, words: OtherWords, lex: ReturnType<typeof placeLexicons>): number {
  if (words.titleCase) return PLACE;
  const f = found[n]!;
  const ofBefore = f.from > 0 && OF_WORDS.has(tokens[run[f.from - 1]!]!.text);
  // Another name (or another place: "Michael Jones") right before this one, with no "of" between.
  const nameBefore = !ofBefore && ((n > 0 && found[n - 1]!.to === f.from - 1) || words.firstForeign < f.from);
  if (nameBefore && !words.organisation) return PERSON;
  // "Michael Jones", "Tyler Smith": a given name followed by another name is a person's name.
  if (f.from === f.to && !words.organisation && words.foreign[f.from + 1] === 1 && lex.givenNames.has(tokens[run[f.from]!]!.text.toLowerCase())) return PERSON;
  const nameAfter = words.lastForeign > f.to || n < found.length - 1;
  return nameAfter || words.organisation || ofBefore ? EMBEDDED : PLACE;
}

const OF_WORDS = new Set(['of', 'de', 'du', 'des', 'del']);

function namesWithContext(scan: RunScan, run: number[], found: RunName[]): void {
  const { text, tokens, lex, lowerWords, capsLines, out, personParts } = scan;
  const words = otherWords(text, tokens, run, found, lex, lowerWords);
  const verdicts: number[] = [];
  let personRun = false;
  for (let n = 0; n < found.length; n++) {
    const verdict = verdictOf(tokens, run, found, n, words, lex);
    verdicts.push(verdict);
    if (verdict === PERSON) personRun = true;
  }
  if (personRun || (found.length === 0 && words.foreignCount >= 2 && !words.organisation && !words.titleCase)) {
    addPersonParts(tokens, run, found, verdicts, personParts);
  }
  if (personRun) return;
  for (let n = 0; n < found.length; n++) {
    const candidate = candidateOf(text, tokens, run, found[n]!, verdicts[n] === EMBEDDED, lex, lowerWords, capsLines);
    if (candidate) out.push(candidate);
  }
}

/** The run's capitalised words outside the names that stay places ("Dublin City Manager Jane Brautigam"). */
function addPersonParts(tokens: Token[], run: number[], found: RunName[], verdicts: number[], personParts: Set<string>): void {
  let name = 0;
  for (let pos = 0; pos < run.length; pos++) {
    while (name < found.length && (found[name]!.to < pos || verdicts[name] === PERSON)) name++;
    if (name < found.length && found[name]!.from <= pos) continue;
    const t = tokens[run[pos]!]!;
    if (t.capitalised && !CONNECTORS.has(t.text)) personParts.add(t.text);
  }
}

/** The candidate a name of a run makes, or null when it is no place (an ordinary word, a shouted line). */
function candidateOf(
  text: string,
  tokens: Token[],
  run: number[],
  f: RunName,
  embeddedInRun: boolean,
  lex: ReturnType<typeof placeLexicons>,
  lowerWords: WordsByLength,
  capsLines: Span[],
): ToponymCandidate | null {
  const first = tokens[run[f.from]!]!;
  let last = tokens[run[f.to]!]!;
  const surface = text.slice(first.start, last.end);
  const lower = surface.toLowerCase();
  const single = f.from === f.to;
  // Generic word after the name joins the span ("Raqqa province" stays two words of one place).
  const nextTok = tokens[run[f.to]! + 1];
  let suffixCue: CueKind | null = null;
  if (nextTok && joined(text, last, nextTok) && GENERIC_SUFFIXES.has(nextTok.text.toLowerCase())) {
    const kind = lex.afterKind.get(nextTok.text.toLowerCase());
    suffixCue = kind ?? 'region';
    if (nextTok.capitalised) last = nextTok;
  }
  const end = last.end;
  // "Kurdish", "Arab", "Druze": a people is no place, whatever town shares or resembles its name;
  // a country's adjective among them ("American") still stands for the country.
  let matches = f.matches;
  if (single && lex.peoples.has(lower)) {
    matches = matches.filter((m) => m.demonym);
    if (!matches.length) return null;
  }
  // Shouted lines: only a dateline-shaped "BAGHOUZ, Syria" or a short code ("US", "UK") counts.
  const inCapsLine = inside(capsLines, first.start);
  if (first.allCaps) {
    const datelineShaped = DATELINE_SHAPED_RE.test(text.slice(end, end + 4));
    const code = surface.replace(/[^\p{L}]/gu, '').length <= 4 && matches.some((m) => /^(PCLI|ADM1)$/.test(m.entry.featureCode ?? ''));
    if (!(datelineShaped || (code && !inCapsLine))) return null;
  } else if (inCapsLine) return null;
  if (single && lex.nonPlaceWords.has(lower)) return null;
  const cue = suffixCue ?? cueAround(text, first.start, end, lex);
  // A sentence-initial word the same text also writes in lowercase is an ordinary word ("Reading").
  if (single && !cue && lowerWords.has(lower) && atSentenceStart(text, first.start)) return null;
  const hyphenModifier = HYPHEN_MODIFIER_RE.test(text.slice(end, end + 2));
  const embedded = embeddedInRun || hyphenModifier;
  return { start: first.start, end, text: text.slice(first.start, end), matches, cue, demonym: matches.every((m) => m.demonym), embedded };
}

/** The cue words right after or before a name ("X province", "the village of X"), if any. */
function cueAround(text: string, start: number, end: number, lex: ReturnType<typeof placeLexicons>): CueKind | null {
  const afterMatch = lex.afterCue.exec(text.slice(end, end + 30));
  const afterCue = afterMatch ? lex.afterKind.get(afterMatch[1]!.toLowerCase().replace(/\s+/g, ' ')) ?? null : null;
  if (afterCue) return afterCue;
  const before = text.slice(Math.max(0, start - 40), start);
  const beforeMatch = mayEndWith(before, lex.beforeCueLastWords, true) ? lex.beforeCue.exec(before) : null;
  return beforeMatch ? lex.beforeKind.get(beforeMatch[1]!.toLowerCase().replace(/\s+/g, ' ')) ?? null : null;
}
