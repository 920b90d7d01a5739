/**
 * Direct reading of a wink-nlp document's packed tokens (wink-nlp 2.x internals).
 *
 * wink keeps a document as a flat number array, four numbers a token: the lexeme's index in the
 * model's lexicon, the count of spaces before the token (low 16 bits), the POS tag (bits 20-25), a
 * negation flag. Its API reads them one property and one function call at a time; the tokens stage
 * needs value, type and tag of every token, so it reads them here in one pass.
 *
 * The document's raw data is only reachable through an `its` accessor, and wink accepts only the
 * accessors it lists in its (CommonJS) `allowed` module, so one is added there. Everything is checked
 * against the layout this file expects; if any check fails (a future wink), `rawDocument` returns null
 * and the caller uses the public API instead.
 */
import { createRequire } from 'node:module';

/** The parts of wink's raw document data this file reads. */
export interface WinkCache {
  currentSize?(): number;
  intrinsicSize?(): number;
  value(index: number): string;
  property(index: number, name: string): string | number | null;
  valueOf(feature: string, index: number): string;
}
interface WinkRdd {
  tokens: number[];
  numOfTokens: number;
  cache: WinkCache;
  nonBreakingSpaces: Record<number, string>;
}

// wink-nlp's constants (src/constants.js): numbers per token, masks of the packed fields.
export const TOKEN_SIZE = 4;
export const SPACES_MASK = 0xffff;
export const POS_MASK = 0x3f00000;
export const POS_SHIFT = 20;

/** Whether wink's constants (src/constants.js, loaded by the caller) give the packed layout above. */
export function winkLayoutAsExpected(constants: Record<string, number>): boolean {
  return constants.tkSize === TOKEN_SIZE && constants.psMask === SPACES_MASK && constants.posMask === POS_MASK && constants.bits4lemma === POS_SHIFT;
}

let captured: WinkRdd | null = null;
/** An `its` accessor that keeps the raw document it is called with. */
function captureRdd(_index: number, rdd: WinkRdd): number {
  captured = rdd;
  return 0;
}

function installAccessor(): boolean {
  try {
    const require = createRequire(import.meta.url);
    const allowed = require('wink-nlp/src/allowed.js') as { its4token?: Set<unknown> };
    const constants = require('wink-nlp/src/constants.js') as Record<string, number>;
    if (!winkLayoutAsExpected(constants) || !(allowed.its4token instanceof Set)) return false;
    allowed.its4token.add(captureRdd);
    return true;
  } catch {
    return false;
  }
}

let installed: boolean | null = null;

/**
 * One document's tokens, read by index (whitespace tokens included, as wink emits them). A class, not
 * an object of closures made per document: the tokens stage then calls the same functions for every
 * document, which the engine inlines once.
 */
export class RawDocument {
  constructor(
    readonly count: number,
    private readonly packed: number[],
    private readonly cache: WinkCache | null,
    /**
     * Words wink has added to its lexicon beyond the model's own (every new spelling it meets stays
     * there for the life of the wink instance), or null when this wink cannot say.
     */
    readonly learnedWords: number | null,
  ) {}

  /**
   * The lexeme of token i: wink's index of its spelling in the lexicon, the same number for the same
   * text for the life of the wink instance (value and type depend on it alone).
   */
  lexeme(i: number): number {
    return this.packed[i * TOKEN_SIZE];
  }

  /** The text of a lexeme. */
  lexemeValue(lexeme: number): string {
    return this.cache!.value(lexeme);
  }

  /** wink's token type of a lexeme: word, number, punctuation, ... */
  lexemeType(lexeme: number): string {
    return this.cache!.property(lexeme, 'tokenType') as string;
  }

  /** Spaces wink counted before the token; large (not a count) when they include other spaces. */
  spacesBefore(i: number): number {
    return this.packed[i * TOKEN_SIZE + 1] & SPACES_MASK;
  }

  /** The token's POS tag as a small number (see `posName`). */
  posIndex(i: number): number {
    return (this.packed[i * TOKEN_SIZE + 2] & POS_MASK) >>> POS_SHIFT;
  }

  /** The name of a POS tag number (PROPN, NOUN, ...). */
  posName(index: number): string {
    return this.cache!.valueOf('pos', index);
  }
}

interface WinkDocLike {
  tokens(): { length(): number; itemAt(k: number): { out(f: unknown): unknown } };
}

export function rawDocument(doc: WinkDocLike): RawDocument | null {
  installed ??= installAccessor();
  if (!installed) return null;
  const tokens = doc.tokens();
  if (tokens.length() === 0) return new RawDocument(0, [], null, null);
  captured = null;
  tokens.itemAt(0).out(captureRdd);
  const rdd = captured as WinkRdd | null;
  captured = null;
  if (!rdd || !Array.isArray(rdd.tokens) || rdd.tokens.length !== rdd.numOfTokens * TOKEN_SIZE || !rdd.cache) {
    installed = false;
    return null;
  }
  const cache = rdd.cache;
  const learnedWords =
    typeof cache.currentSize === 'function' && typeof cache.intrinsicSize === 'function' ? cache.currentSize() - cache.intrinsicSize() : null;
  return new RawDocument(rdd.numOfTokens, rdd.tokens, cache, learnedWords);
}
