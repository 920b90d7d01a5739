/**
 * The pattern language of data/events/*.tsv, compiled once per process and matched over the words
 * of a sentence. Syntax (see data/events/README.md): `word`, `=Word`, `word+`, `word*`, `a|b`,
 * `@CLASS`, `@NUM`, `@YEAR`, `~N`, `!a|b`. Patterns are indexed by the forms their first token can
 * take, so a sentence costs one hash lookup per word plus the few patterns that start there.
 */
import { WordByteMemo } from './word-memo.js';
import type { Word } from './words.js';
import { readNumberAt, type NumberReading } from './numbers.js';
import type { NumberLexicon } from './lexicons.js';

interface TokenSet {
  forms: Set<string>;
  exact: Set<string>;
  prefixes: string[];
  num: boolean;
  year: boolean;
}

type Element =
  | ({ kind: 'token' } & TokenSet)
  | ({ kind: 'not' } & TokenSet)
  | { kind: 'gap'; max: number };

export interface CompiledPattern<T> {
  elements: Element[];
  source: string;
  payload: T;
}

export interface PatternMatch<T> {
  pattern: CompiledPattern<T>;
  /** Word index range [from, to). */
  from: number;
  to: number;
  /** The count an @NUM element read, if the pattern has one. */
  number: NumberReading | null;
}

export interface WordClasses {
  get(name: string): string[] | undefined;
}

function emptySet(): TokenSet {
  return { forms: new Set(), exact: new Set(), prefixes: [], num: false, year: false };
}

function addEntry(
  set: TokenSet,
  entry: string,
  classes: WordClasses,
  inflect: (base: string) => string[],
  where: string,
): void {
  if (entry === '@NUM') set.num = true;
  else if (entry === '@YEAR') set.year = true;
  else if (entry.startsWith('@')) {
    const members = classes.get(entry.slice(1));
    if (!members) throw new Error(`${where}: unknown word class ${entry}`);
    for (const m of members) addEntry(set, m, classes, inflect, where);
  } else if (entry.startsWith('=')) set.exact.add(entry.slice(1));
  else if (entry.endsWith('*')) set.prefixes.push(entry.slice(0, -1).toLowerCase());
  else if (entry.endsWith('+')) for (const f of inflect(entry.slice(0, -1).toLowerCase())) set.forms.add(f);
  else set.forms.add(entry.toLowerCase());
}

export function compilePattern<T>(
  source: string,
  payload: T,
  classes: WordClasses,
  inflect: (base: string) => string[],
  where: string,
): CompiledPattern<T> {
  const elements: Element[] = [];
  for (const token of source.trim().split(/\s+/)) {
    const gap = /^~(\d+)$/.exec(token);
    if (gap) {
      elements.push({ kind: 'gap', max: Number(gap[1]) });
      continue;
    }
    const negated = token.startsWith('!');
    const set = emptySet();
    for (const alt of (negated ? token.slice(1) : token).split('|')) {
      if (alt) addEntry(set, alt, classes, inflect, where);
    }
    elements.push({ kind: negated ? 'not' : 'token', ...set });
  }
  if (elements[0]?.kind !== 'token') throw new Error(`${where}: a pattern must start with a word, not "${source}"`);
  if (elements.at(-1)?.kind === 'gap') throw new Error(`${where}: a pattern cannot end with a gap: "${source}"`);
  return { elements, source, payload };
}

function wordIn(set: TokenSet, w: Word): boolean {
  if (set.forms.has(w.lower) || set.exact.has(w.text)) return true;
  for (const p of set.prefixes) if (w.lower.startsWith(p)) return true;
  if (set.year && /^(19|20)\d\d$/.test(w.lower)) return true;
  return false;
}

/** Number readings by word index, computed at most once per sentence (undefined: not yet read). */
export type NumberReadings = (NumberReading | null | undefined)[];

interface MatchState {
  number: NumberReading | null;
  numbers: NumberReadings;
}

function numberAt(words: Word[], i: number, lex: NumberLexicon, state: MatchState): NumberReading | null {
  let r = state.numbers[i];
  if (r === undefined) r = state.numbers[i] = readNumberAt(words, i, lex);
  return r;
}

/** Index past the element match at word i, or -1. */
function matchFrom(
  elements: Element[],
  k: number,
  words: Word[],
  i: number,
  numbers: NumberLexicon,
  state: MatchState,
): number {
  if (k === elements.length) return i;
  const el = elements[k];
  if (el.kind === 'gap') {
    for (let skip = 0; skip <= el.max && i + skip <= words.length; skip++) {
      const end = matchFrom(elements, k + 1, words, i + skip, numbers, state);
      if (end >= 0) return end;
    }
    return -1;
  }
  const w = words[i];
  if (el.kind === 'not') {
    if (w && wordIn(el, w)) return -1;
    return matchFrom(elements, k + 1, words, i, numbers, state);
  }
  if (!w) return -1;
  if (el.num) {
    const reading = numberAt(words, i, numbers, state);
    if (reading) {
      const end = matchFrom(elements, k + 1, words, reading.to, numbers, state);
      if (end >= 0) {
        state.number ??= reading;
        return end;
      }
    }
  }
  if (!wordIn(el, w)) return -1;
  return matchFrom(elements, k + 1, words, i + 1, numbers, state);
}

/** The patterns that may start at one word, and how their first token reads that word. */
interface StartingPatterns<T> {
  patterns: CompiledPattern<T>[];
  /** The first token is a count that the word is not, so the pattern starts there only if a count reads. */
  countFirst: boolean[];
  /** The first token is no count and holds the word (known once per word, not asked per sentence). */
  wordFirst: boolean[];
  /** Per pattern, the required tokens (see `PatternIndex.required`) the sentence must hold for it to match. */
  required: number[][];
}

const NOTHING = 1;
const STARTS = 2;
const HOLDS = 4;

/** Whether every required token of a pattern is held by some word of the sentence (`held`, a bitset). */
function allHeld(required: number[], held: Uint32Array): boolean {
  for (let r = 0; r < required.length; r++) {
    const id = required[r];
    if ((held[id >>> 5] & (1 << (id & 31))) === 0) return false;
  }
  return true;
}

/**
 * A set of patterns indexed by their first token. The patterns that can start at a word depend only
 * on the word's text, so they are worked out once per distinct word (forms, exact case, prefixes,
 * counts, in that order, each pattern once) and remembered: a sentence then costs one lookup per word
 * plus the few patterns that can start there.
 *
 * Most patterns that start somewhere fail further on, on a word the sentence does not have ("@NUM ~5
 * kill+" at every number of a sentence that kills no one). So every later token a pattern cannot do
 * without (a word token, not a count, year, gap or negation) is numbered, the numbers each word holds
 * are remembered with it, and a pattern is tried only where the sentence holds all of its numbers.
 */
export class PatternIndex<T> {
  private byForm = new Map<string, CompiledPattern<T>[]>();
  private byExact = new Map<string, CompiledPattern<T>[]>();
  /** Patterns whose first token is a prefix, bucketed by the prefix's first letter. */
  private byInitial = new Map<string, CompiledPattern<T>[]>();
  /** Patterns whose first token is a count or a year: tried only where a number reads. */
  private byNumber: CompiledPattern<T>[] = [];
  /** First words a count can start with ("at", "more", "dozens", "between"). */
  private numberStarts = new Set<string>(['between']);
  /** The numbers of the required tokens of each pattern (tokens after the first: see the class comment). */
  private required = new Map<CompiledPattern<T>, number[]>();
  /** Required-token numbers by the forms, exact spellings and prefixes (by first letter) that hold them. */
  private requiredByForm = new Map<string, number[]>();
  private requiredByExact = new Map<string, number[]>();
  private requiredByInitial = new Map<string, { prefix: string; id: number }[]>();
  /** Which required tokens the words of the sentence being matched hold (one bit each). */
  private held: Uint32Array;
  /** Candidate patterns by word id (null: none can start there; undefined: not worked out yet). */
  private starts: (StartingPatterns<T> | null | undefined)[] = [];
  /** Required-token numbers each word holds, by word id (null: none; undefined: not worked out yet). */
  private holds: (number[] | null | undefined)[] = [];
  /**
   * By word id: 0 not worked out yet, else NOTHING plus STARTS and HOLDS when `starts` and `holds` have
   * something for the word. Most words have nothing: a byte each, these stay in the CPU cache where
   * the two arrays of references would not.
   */
  private readonly flags = new WordByteMemo();
  readonly size: number;

  constructor(patterns: CompiledPattern<T>[], private numbers: NumberLexicon) {
    for (const phrase of [...numbers.values.keys(), ...numbers.qualifiers.keys()]) this.numberStarts.add(phrase.split(' ')[0]);
    let requiredCount = 0;
    for (const p of patterns) {
      const first = p.elements[0] as TokenSet;
      for (const f of first.forms) push(this.byForm, f, p);
      for (const f of first.exact) push(this.byExact, f, p);
      for (const prefix of new Set(first.prefixes.map((x) => x[0] ?? ''))) push(this.byInitial, prefix, p);
      if (first.num || first.year) this.byNumber.push(p);
      const ids: number[] = [];
      for (const el of p.elements.slice(1)) {
        if (el.kind !== 'token' || el.num || el.year) continue;
        const id = requiredCount++;
        ids.push(id);
        for (const f of el.forms) push(this.requiredByForm, f, id);
        for (const f of el.exact) push(this.requiredByExact, f, id);
        for (const prefix of el.prefixes) push(this.requiredByInitial, prefix[0] ?? '', { prefix, id });
      }
      this.required.set(p, ids);
    }
    this.held = new Uint32Array(Math.ceil(requiredCount / 32));
    this.size = patterns.length;
  }

  private checkGeneration(): void {
    if (this.flags.sync()) {
      this.starts = [];
      this.holds = [];
    }
  }

  /** What the index has for a word (see `flags`), worked out on first sight. */
  private flagsOf(w: Word): number {
    const id = w.id;
    const f = this.flags.get(id);
    if (f !== 0) return f;
    const starting = this.workOutStarts(w);
    const holding = this.holdsOf(w);
    this.starts[id] = starting;
    this.holds[id] = holding;
    return this.flags.set(id, NOTHING | (starting ? STARTS : 0) | (holding ? HOLDS : 0));
  }

  /** The required tokens a word holds (the same test as `wordIn`, from the other side). */
  private holdsOf(w: Word): number[] | null {
    const found = new Set<number>([...(this.requiredByForm.get(w.lower) ?? []), ...(this.requiredByExact.get(w.text) ?? [])]);
    for (const { prefix, id } of this.requiredByInitial.get(w.lower[0]) ?? []) if (w.lower.startsWith(prefix)) found.add(id);
    return found.size ? [...found] : null;
  }

  /** What `startsAt` remembers for a word seen for the first time (most words: nothing, at once). */
  private workOutStarts(w: Word): StartingPatterns<T> | null {
    const byForm = this.byForm.get(w.lower);
    const byExact = this.byExact.get(w.text);
    const byInitial = this.byInitial.get(w.lower[0]);
    const c = w.lower.charCodeAt(0);
    const byNumber = (c >= 48 && c <= 57) || this.numberStarts.has(w.lower) ? this.byNumber : undefined;
    if (!byForm && !byExact && !byInitial && !byNumber) return null;
    const found: CompiledPattern<T>[] = [];
    const add = (ps: CompiledPattern<T>[] | undefined, keep?: (p: CompiledPattern<T>) => boolean) => {
      if (ps) for (const p of ps) if (!found.includes(p) && (!keep || keep(p))) found.push(p);
    };
    add(byForm);
    add(byExact);
    // a prefix pattern can start only where its first token matches (or reads a count)
    add(byInitial, (p) => {
      const first = p.elements[0] as TokenSet;
      return first.num || wordIn(first, w);
    });
    add(byNumber);
    if (!found.length) return null;
    // lists pushed one by one (not made by map()): every entry then has arrays of the same kinds,
    // which keeps matchAll, reading them for every word, from deoptimising on a new kind
    const countFirst: boolean[] = [];
    const wordFirst: boolean[] = [];
    const required: number[][] = [];
    for (const p of found) {
      const first = p.elements[0] as TokenSet;
      countFirst.push(first.num && !wordIn(first, w));
      wordFirst.push(!first.num && wordIn(first, w));
      required.push(this.required.get(p)!);
    }
    return { patterns: found, countFirst, wordFirst, required };
  }

  /**
   * Every match in the words, in order of position (one per pattern and start word). `readings`
   * remembers the counts read at each word: indexes built on the same number lexicon may share one
   * array for the same words, so a sentence reads its counts once.
   */
  matchAll(words: Word[], readings?: NumberReadings): PatternMatch<T>[] {
    this.checkGeneration();
    const out: PatternMatch<T>[] = [];
    // first the required tokens the sentence holds, and whether any pattern starts at all
    const held = this.held;
    held.fill(0);
    let anyStart = false;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const f = this.flagsOf(w);
      if (f & STARTS) anyStart = true;
      if (f & HOLDS) {
        const ids = this.holds[w.id]!;
        for (let r = 0; r < ids.length; r++) held[ids[r] >>> 5] |= 1 << (ids[r] & 31);
      }
    }
    if (!anyStart) return out;
    const flags = this.flags;
    let state: MatchState | null = null;
    for (let i = 0; i < words.length; i++) {
      if ((flags.get(words[i].id) & STARTS) === 0) continue;
      const starting = this.starts[words[i].id]!;
      state ??= { number: null, numbers: readings ?? new Array(words.length) };
      const { patterns, countFirst, wordFirst, required } = starting;
      let countHere: boolean | undefined;
      for (let k = 0; k < patterns.length; k++) {
        // a pattern needing a word the sentence lacks cannot match anywhere in it
        if (!allHeld(required[k], held)) continue;
        const p = patterns[k];
        // a pattern that can start here only with a count ("a" of "a dozen") is skipped where none reads
        if (countFirst[k] && !(countHere ??= numberAt(words, i, this.numbers, state) !== null)) continue;
        state.number = null;
        // a first token that is no count matches by the word alone, as worked out for it once
        const first = p.elements[0] as TokenSet;
        const end = first.num
          ? matchFrom(p.elements, 0, words, i, this.numbers, state)
          : wordFirst[k]
            ? matchFrom(p.elements, 1, words, i + 1, this.numbers, state)
            : -1;
        if (end > i) out.push({ pattern: p, from: i, to: end, number: state.number });
      }
    }
    return out;
  }
}
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
