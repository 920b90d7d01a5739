/**
 * wink-nlp's tokeniser and POS tagger, run from wink's own modules and model without `readDoc`
 * (wink-nlp 2.4 internals), for the tokens stage: same tokens, lexeme numbers and tags, less work.
 *
 * What `readDoc` with the 'pos' annotation does, and what this file does instead:
 * - wink splits the text on spaces and tokenises each space-free chunk with regexes, lexicon look-ups
 *   and a recursive fallback. News repeats its chunks ("said", "Syria,", "(AP)"), so the tokens of a
 *   chunk are remembered, by a hash worked out while scanning the text (no string is cut out for a
 *   chunk seen before), and wink's tokeniser runs only on a chunk not seen before.
 * - wink tags with its own finite-state machines over the document (run here unchanged); what they read
 *   per token that depends only on the lexeme (default tag, normal form, POS hint) is remembered by
 *   lexeme number instead of unpacked from the lexicon at every token.
 * - wink also builds a document object with its whole API and, for 'pos' alone, the SBD, NER, negation
 *   and sentiment machines at load; the tokens stage reads none of them.
 *
 * Exactness. A chunk's tokens depend on the chunk and on the lexicon, which only grows (wink adds every
 * new spelling): a look-up that found a word always finds it again, with the same number, so a chunk's
 * tokens can change only if a spelling its tokenisation looked up in vain is added later. Each memo
 * entry therefore records the spellings it missed; adding one of them drops the memo, and a chunk whose
 * own tokenisation added a spelling it had missed is not remembered (the next time wink takes the other
 * branch). Everything else wink's tokeniser reads (regexes, hyphen rules, categories) is fixed by the
 * model. Spaces before a chunk only go to its first token, so they are added when a chunk is replayed.
 *
 * Everything is checked against the wink version and layout this was written for; `createFastTagger`
 * returns null otherwise and the tokens stage uses `readDoc`.
 */
import { createRequire } from 'node:module';
import { detached } from './detached.js';
import { RawDocument, type WinkCache } from './wink-raw.js';

/** wink's cache (lexicon) methods used here: wink-nlp/src/cache.js. */
interface Cache extends WinkCache {
  add(text: string, category: number): number;
  lookup(text: string): number[] | null;
  normal(index: number): number;
  nox(packed: number): number;
  posOf(index: number): number;
  mappedSpelling(index: number): number;
  currentSize(): number;
  intrinsicSize(): number;
}
interface Automaton {
  importJSON(json: string): void;
  recognize(tokens: number[], transform: unknown, param: unknown): number[][];
}
type Transformer = (pos: number, cache: unknown, rawTokens: number[], i: number) => number;
type Updater = (px: number[][], cache: Cache, posTags: number[], normals: number[]) => void;
/** The wrapper wink's tokeniser adds tokens through (wink-nlp/src/dd-wrapper.js). */
interface DocDataWrapper {
  clean(): void;
}
interface WinkModel {
  core(): {
    trex: unknown;
    tcat: { hash: Record<string, number> };
    preserve: unknown;
  };
  pos(): { machines: string[]; transformers: Transformer[]; updater: Updater };
  featureFn: unknown;
}

/** The versions this file was written against (and checked token for token on the bench corpus). */
const WINK_VERSION = '2.4.0';
const MODEL_VERSION = '1.8.1';

// wink-nlp's constants (src/constants.js): numbers per token, masks of the packed fields.
const TOKEN_SIZE = 4;
const POS_MASK = 0x3f00000;
const POS_SHIFT = 20;
const SPACES_MASK = 0xffff;
/** wink's cap on counted spaces; a gap with other spaces (no-break, thin...) is marked with it. */
const MAX_SPACES = 65535;
/** wink's tag for a word whose lexicon entry has none. */
const DEFAULT_POS = 8;
/** The spaces wink marks as non-breaking (tokenizer.js), within its splitter's space class. */
const NON_BREAKING = /[\u00a0\u2002-\u2005\u2009\u200a\u202f\u205f]/;
/** wink's splitter (its model's trex helpers): runs of spaces or of line breaks, kept as pieces. */
const SPLITTER_SOURCE = '([ \\u00a0\\u2002-\\u2005\\u2009\\u200a\\u202f\\u205f]+|[\\n\\r\\t]+)';

/**
 * Whether a piece of the split text is a run of spaces, from its first character. wink tests every
 * piece for non-breaking spaces and then its first character for ' '; a piece the splitter cut is all
 * spaces or all line breaks and other pieces hold neither, so a piece is spaces exactly when its first
 * character is one of the splitter's spaces.
 */
function isSpaces(c: number): boolean {
  return c === 32 || c === 0xa0 || (c >= 0x2002 && c <= 0x2005) || c === 0x2009 || c === 0x200a || c === 0x202f || c === 0x205f;
}
/** A line-break run of wink's splitter. */
function isBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 9;
}

// FNV-1a over UTF-16 code units, kept to 30 bits so the engine stores it as a small integer.
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;
const HASH_MASK = 0x3fffffff;

/**
 * Distinct chunks remembered before the memo is dropped (a long ingest meets an open vocabulary): about
 * 25 MB at most, measured, next to wink's lexicon of up to 200,000 learned words (~44 MB).
 */
const MAX_CHUNKS = 100_000;
const NOTHING_MISSED: string[] = [];

/** The wink modules and model parts one tagger is built from. */
interface WinkParts {
  Cache: (model: unknown, featureFn: unknown) => Cache;
  compileTRex: (trex: unknown) => { helpers: Record<string, RegExp> };
  tokenizer: (trex: unknown, categories: Record<string, number>, preserve: unknown) => (doc: DocDataWrapper, text: string) => void;
  fsm: (cache: unknown, token2Ignore: string) => Automaton;
  DocDataWrapper: (rdd: unknown) => DocDataWrapper;
  model: WinkModel;
}

function loadParts(): WinkParts | null {
  try {
    const require = createRequire(import.meta.url);
    const winkVersion = (require('wink-nlp/package.json') as { version?: string }).version;
    const modelVersion = (require('wink-eng-lite-web-model/package.json') as { version?: string }).version;
    if (winkVersion !== WINK_VERSION || modelVersion !== MODEL_VERSION) return null;
    const constants = require('wink-nlp/src/constants.js') as Record<string, number>;
    if (constants.tkSize !== TOKEN_SIZE || constants.posMask !== POS_MASK || constants.bits4lemma !== POS_SHIFT) return null;
    const parts: WinkParts = {
      Cache: require('wink-nlp/src/cache.js'),
      compileTRex: require('wink-nlp/src/compile-trex.js'),
      tokenizer: require('wink-nlp/src/tokenizer.js'),
      fsm: require('wink-nlp/src/automaton.js'),
      DocDataWrapper: require('wink-nlp/src/dd-wrapper.js'),
      model: require('wink-eng-lite-web-model') as WinkModel,
    };
    const functions = [parts.Cache, parts.compileTRex, parts.tokenizer, parts.fsm, parts.DocDataWrapper, parts.model.core, parts.model.pos];
    return functions.every((f) => typeof f === 'function') ? parts : null;
  } catch {
    return null;
  }
}

let parts: WinkParts | null | undefined;

/**
 * One chunk's tokens as wink packs them (four numbers a token), tokenised with no spaces before it,
 * and the spellings its tokenisation looked up without finding them.
 */
interface ChunkTokens {
  packed: number[];
  missed: string[];
  /** The chunk, and the next remembered chunk with the same hash. */
  text: string;
  next: ChunkTokens | null;
}

export class FastTagger {
  private readonly cache: Cache;
  private readonly tokenizeChunk: (doc: DocDataWrapper, text: string) => void;
  private readonly automata: Automaton[];
  private readonly transformer: Transformer;
  private readonly updater: Updater;
  private readonly wrap: WinkParts['DocDataWrapper'];

  /** The packed tokens of the last text read, reused from text to text. */
  private readonly packed: number[] = [];
  /** Remembered chunks by a hash of their characters (see `read`), chained when hashes collide. */
  private readonly chunks = new Map<number, ChunkTokens>();
  private chunkCount = 0;
  /** Every spelling some remembered chunk missed: adding one drops the memo. */
  private readonly missedByChunks = new Set<string>();
  /** The spellings missed by the chunk being tokenised now. */
  private missing: string[] = [];
  /** What wink's tokeniser sees as the lexicon: look-ups recorded, additions checked. */
  private readonly recorder: Pick<Cache, 'lookup' | 'add'>;

  // By lexeme number: wink's default tag, normal form and POS hint (-1: not worked out yet).
  private defaultPos = new Int32Array(0);
  private normals = new Int32Array(0);
  private posHints = new Int32Array(0);

  constructor(p: WinkParts) {
    const model = p.model.core();
    const cache = p.Cache(model, p.model.featureFn);
    this.cache = cache;
    const trex = p.compileTRex(model.trex);
    // `read` splits the text as this regex does.
    const splitter = trex.helpers.splitter;
    if (!(splitter instanceof RegExp) || splitter.source !== SPLITTER_SOURCE || splitter.flags !== '') {
      throw new Error('wink splitter changed');
    }
    this.tokenizeChunk = p.tokenizer(trex, model.tcat.hash, model.preserve);
    this.wrap = p.DocDataWrapper;
    const posModel = p.model.pos();
    // The machines read a token's POS hint through the cache they are given: this one remembers it.
    const hints = {
      lookup: (text: string) => cache.lookup(text),
      property: (index: number, name: string) => (name === 'posHint' ? this.posHint(index) : cache.property(index, name)),
    };
    this.automata = posModel.machines.map((json) => {
      const automaton = p.fsm(hints, cache.value(0));
      automaton.importJSON(json);
      return automaton;
    });
    // wink runs every machine with the first transformer (wink-nlp.js readDoc).
    this.transformer = posModel.transformers[0];
    this.updater = posModel.updater;
    if (typeof this.transformer !== 'function' || typeof this.updater !== 'function') throw new Error('wink POS model changed');
    this.recorder = {
      lookup: (text: string) => {
        const found = cache.lookup(text);
        if (found === null) this.missing.push(text);
        return found;
      },
      add: (text: string, category: number) => {
        const before = cache.currentSize();
        const index = cache.add(text, category);
        if (cache.currentSize() !== before && this.missedByChunks.size > 0) {
          if (this.missedByChunks.has(text) || this.missedByChunks.has(text.toLowerCase())) this.forgetChunks();
        }
        return index;
      },
    };
  }

  /** Words wink has added to its lexicon beyond the model's own. */
  learnedWords(): number {
    return this.cache.currentSize() - this.cache.intrinsicSize();
  }

  private forgetChunks(): void {
    this.chunks.clear();
    this.chunkCount = 0;
    this.missedByChunks.clear();
  }

  /** The remembered tokens of the chunk text[start, end), whose hash is `hash`, if any. */
  private knownChunk(text: string, start: number, end: number, hash: number): ChunkTokens | undefined {
    const length = end - start;
    for (let known: ChunkTokens | null | undefined = this.chunks.get(hash); known; known = known.next) {
      if (known.text.length === length && text.startsWith(known.text, start)) return known;
    }
    return undefined;
  }

  /** wink's tokens of the chunk text[start, end) (not remembered yet), remembered when they can be. */
  private newChunk(text: string, start: number, end: number, hash: number): ChunkTokens {
    // Detached: the lexicon keeps the spellings cut from it, which must not pin the article.
    const chunk = detached(text.slice(start, end));
    const rdd = { cache: this.recorder, tokens: [] as number[], nonBreakingSpaces: Object.create(null) as object };
    const wrapper = this.wrap(rdd);
    this.missing = [];
    this.tokenizeChunk(wrapper, chunk);
    wrapper.clean();
    // Copied to their exact size, and most chunks miss nothing: a remembered chunk costs ~250 bytes.
    const missed = this.missing.length > 0 ? this.missing : NOTHING_MISSED;
    const result: ChunkTokens = { packed: rdd.tokens.slice(), missed, text: chunk, next: null };
    this.missing = [];
    // Not remembered when the chunk itself added a spelling it had missed: next time wink finds it.
    for (const missed of result.missed) if (this.cache.lookup(missed) !== null) return result;
    if (this.chunkCount >= MAX_CHUNKS) this.forgetChunks();
    result.next = this.chunks.get(hash) ?? null;
    this.chunks.set(hash, result);
    this.chunkCount += 1;
    for (const missed of result.missed) this.missedByChunks.add(detached(missed));
    return result;
  }

  private grow(size: number): void {
    const next = Math.max(size, this.defaultPos.length * 2, 1024);
    const grown = (old: Int32Array) => {
      const a = new Int32Array(next).fill(-1);
      a.set(old);
      return a;
    };
    this.defaultPos = grown(this.defaultPos);
    this.normals = grown(this.normals);
    this.posHints = grown(this.posHints);
  }

  private posHint(lexeme: number): number {
    if (lexeme >= this.posHints.length) this.grow(lexeme + 1);
    let hint = this.posHints[lexeme];
    if (hint < 0) this.posHints[lexeme] = hint = this.cache.property(lexeme, 'posHint') as number;
    return hint;
  }

  /**
   * Tokens and tags of `text`, packed as wink's readDoc packs them: valid until the next call (the
   * array is reused, as the tokens stage reads each document at once).
   */
  read(text: string): RawDocument {
    const packed = this.packed;
    let n = 0;
    // The loop of wink's tokenizer.js, which splits the text with its splitter regex into runs of
    // spaces, runs of line breaks and the chunks between, counts spaces (or marks them non-breaking)
    // and tokenises every other piece with those spaces given to its first token. The runs are found
    // here by character, and each chunk's hash computed on the way, so a remembered chunk is found
    // without cutting it out of the text.
    const length = text.length;
    let spaces = 0;
    let i = 0;
    while (i < length) {
      const c = text.charCodeAt(i);
      let end = i + 1;
      if (isSpaces(c)) {
        let nonBreaking = c !== 32;
        for (; end < length; end++) {
          const d = text.charCodeAt(end);
          if (d === 32) continue;
          if (!isSpaces(d)) break;
          nonBreaking = true;
        }
        spaces = nonBreaking ? MAX_SPACES : Math.min(end - i, MAX_SPACES - 1);
        i = end;
        continue;
      }
      let hash = Math.imul(HASH_SEED ^ c, HASH_PRIME);
      if (isBreak(c)) {
        for (; end < length; end++) {
          const d = text.charCodeAt(end);
          if (!isBreak(d)) break;
          hash = Math.imul(hash ^ d, HASH_PRIME);
        }
      } else {
        for (; end < length; end++) {
          const d = text.charCodeAt(end);
          if ((d <= 32 || d >= 0xa0) && (isSpaces(d) || isBreak(d))) break;
          hash = Math.imul(hash ^ d, HASH_PRIME);
        }
      }
      const key = hash & HASH_MASK;
      const tokens = (this.knownChunk(text, i, end, key) ?? this.newChunk(text, i, end, key)).packed;
      for (let t = 0; t < tokens.length; t += TOKEN_SIZE) {
        packed[n] = tokens[t];
        packed[n + 1] = t === 0 ? tokens[t + 1] | spaces : tokens[t + 1];
        packed[n + 2] = tokens[t + 2];
        packed[n + 3] = tokens[t + 3];
        n += TOKEN_SIZE;
      }
      spaces = 0;
      i = end;
    }
    packed.length = n;
    this.tag(packed);
    return new RawDocument(packed.length / TOKEN_SIZE, packed, this.cache, this.learnedWords());
  }

  /** wink's POS step (readDoc, tokens-mappers.js, the model's updater and setter), tags into `packed`. */
  private tag(packed: number[]): void {
    const count = packed.length / TOKEN_SIZE;
    if (this.cache.currentSize() >= this.defaultPos.length) this.grow(this.cache.currentSize() + 1);
    const cache = this.cache;
    const posTags: number[] = new Array(count);
    const normals: number[] = new Array(count);
    for (let k = 0, i = 0; k < count; k++, i += TOKEN_SIZE) {
      const lexeme = packed[i];
      const spacesWord = packed[i + 1];
      const tagWord = packed[i + 2];
      if (tagWord === 0) {
        let pos = this.defaultPos[lexeme];
        if (pos < 0) this.defaultPos[lexeme] = pos = cache.posOf(cache.mappedSpelling(lexeme)) || DEFAULT_POS;
        posTags[k] = pos;
      } else {
        posTags[k] = (tagWord & POS_MASK) >>> POS_SHIFT;
      }
      if (spacesWord > SPACES_MASK) {
        normals[k] = cache.nox(spacesWord);
      } else {
        let normal = this.normals[lexeme];
        if (normal < 0) this.normals[lexeme] = normal = cache.normal(lexeme);
        normals[k] = normal;
      }
    }
    for (const automaton of this.automata) {
      const px = automaton.recognize(posTags, this.transformer, packed);
      this.updater(px, cache, posTags, normals);
    }
    for (let k = 0, i = 2; k < count; k++, i += TOKEN_SIZE) {
      if (packed[i] === 0) packed[i] = posTags[k] << POS_SHIFT;
    }
  }
}

/** A tagger built from wink's modules, or null when they are not the ones this file knows. */
export function createFastTagger(): FastTagger | null {
  parts ??= loadParts();
  if (!parts) return null;
  try {
    return new FastTagger(parts);
  } catch {
    parts = null;
    return null;
  }
}
