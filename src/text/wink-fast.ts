/**
 * wink-nlp's tokeniser and POS tagger, run from wink's own modules and model without `readDoc`
 * (wink-nlp 2.4 internals), for the tokens stage: same tokens, lexeme numbers and tags, less work.
 *
 * What `readDoc` with the 'pos' annotation does beyond what the tokens stage reads: it builds a document
 * object with its whole API, and for 'pos' alone wink also loads the SBD, NER, negation and sentiment
 * machines. Here wink's tokeniser runs over the text as readDoc runs it, and wink's POS machines (the
 * model's own tables, its transformer and updater) run on a runner with faster tables
 * (wink-pos-machine.ts); what they read per token that depends only on the lexeme (default tag, normal
 * form, POS hint) is remembered by lexeme number instead of unpacked from the lexicon at every token.
 *
 * Tried and not kept: remembering the tokens of each space-free chunk. It halved the stage on the
 * bench corpus, whose synthetic articles repeat their chunks (under 1% new), but on the dev news (22% of
 * chunks new after warming on the bench corpus) it was 10-20% slower than readDoc: a new chunk costs a
 * call of wink's tokeniser of its own, and wink's tokens depend on its growing lexicon, so the memo
 * has to be dropped whenever wink learns a spelling a remembered chunk had missed.
 *
 * Everything is checked against the wink version and layout this was written for; `createFastTagger`
 * returns null otherwise and the tokens stage uses `readDoc`.
 */
import { createRequire } from 'node:module';
import { POS_MASK, POS_SHIFT, RawDocument, SPACES_MASK, TOKEN_SIZE, winkLayoutAsExpected, type WinkCache } from './wink-raw.js';
import { PosMachine } from './wink-pos-machine.js';

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
  recognize(tokens: number[], transform: unknown, param: unknown): Array<Array<number | string>>;
}
type Transformer = (pos: number, cache: unknown, rawTokens: number[], i: number) => number;
/** Matches are [first token, last token, pattern name]. */
type Updater = (px: Array<Array<number | string>>, cache: Cache, posTags: number[], normals: number[]) => void;
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

/** wink's tag for a word whose lexicon entry has none. */
const DEFAULT_POS = 8;

/** The wink modules and model parts one tagger is built from. */
interface WinkParts {
  Cache: (model: unknown, featureFn: unknown) => Cache;
  compileTRex: (trex: unknown) => unknown;
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
    if (!winkLayoutAsExpected(constants)) return null;
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

export class FastTagger {
  private readonly cache: Cache;
  private readonly tokenizeText: (doc: DocDataWrapper, text: string) => void;
  /** The POS machines: ours (wink-pos-machine.ts) when every one reads as wink's, else wink's automata. */
  private readonly machines: Array<(tags: number[], packed: number[]) => Array<Array<number | string>>>;
  private readonly transformer: Transformer;
  private readonly updater: Updater;
  private readonly wrap: WinkParts['DocDataWrapper'];

  // By lexeme number: wink's default tag, normal form and POS hint (-1: not worked out yet).
  private defaultPos = new Int32Array(0);
  private normals = new Int32Array(0);
  private posHints = new Int32Array(0);

  constructor(p: WinkParts) {
    const model = p.model.core();
    const cache = p.Cache(model, p.model.featureFn);
    this.cache = cache;
    this.tokenizeText = p.tokenizer(p.compileTRex(model.trex), model.tcat.hash, model.preserve);
    this.wrap = p.DocDataWrapper;
    const posModel = p.model.pos();
    // The machines read a token's POS hint through the cache they are given: this one remembers it.
    const hints = {
      lookup: (text: string) => cache.lookup(text),
      property: (index: number, name: string) => (name === 'posHint' ? this.posHint(index) : cache.property(index, name)),
    };
    // wink runs every machine with the first transformer (wink-nlp.js readDoc).
    this.transformer = posModel.transformers[0];
    this.updater = posModel.updater;
    if (typeof this.transformer !== 'function' || typeof this.updater !== 'function') throw new Error('wink POS model changed');
    const transformer = this.transformer;
    // The token wink's automata skip: the lexeme of the text they are built with (automaton.js keyLF).
    const skipToken = cache.lookup(cache.value(0))?.[0];
    const ours = posModel.machines.map((json) => (skipToken === undefined ? null : PosMachine.fromJson(json, skipToken)));
    this.machines = ours.every((machine) => machine !== null)
      ? ours.map((machine) => (tags: number[], packed: number[]) => machine!.recognize(tags, transformer, hints, packed))
      : posModel.machines.map((json) => {
          const automaton = p.fsm(hints, cache.value(0));
          automaton.importJSON(json);
          return (tags: number[], packed: number[]) => automaton.recognize(tags, transformer, packed);
        });
  }

  /** Words wink has added to its lexicon beyond the model's own. */
  learnedWords(): number {
    return this.cache.currentSize() - this.cache.intrinsicSize();
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

  /** Tokens and tags of `text`, packed as wink's readDoc packs them (four numbers a token). */
  read(text: string): RawDocument {
    // The document data wink's tokeniser fills (wink-nlp.js readDoc): tokens, and the non-breaking
    // spaces it met, which no stage reads.
    const rdd = { cache: this.cache, tokens: [] as number[], nonBreakingSpaces: Object.create(null) as object };
    const wrapper = this.wrap(rdd);
    this.tokenizeText(wrapper, text);
    wrapper.clean();
    const packed = rdd.tokens;
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
    for (const recognize of this.machines) {
      const px = recognize(posTags, packed);
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
