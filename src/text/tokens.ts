/**
 * Tokens with universal POS tags from wink-nlp (English lite model), with character offsets into
 * doc.text. wink gives token values and the whitespace before each token but no offsets, so offsets are
 * recovered from a moving cursor: the value is expected right after the spaces wink counted, and
 * searched for only when it is not there.
 *
 * Speed: one wink document per paragraph costs about twice as much as one per article (wink's per-call
 * setup dominates on short strings), so the whole text is read once and tokens are then kept per
 * sentence: a token belongs to the sentence that contains it, and tokens of non-sentences (subheads,
 * blank lines) are kept too, so later stages can still find names in a title-like line.
 *
 * wink's public way to read tokens (`tokens().out(its.x)`) builds one array per property and calls
 * through its API for every token; reading value, type and tag for each token straight from the
 * document's packed token array (see wink-raw.ts) in one pass costs about a third less.
 *
 * readDoc itself is skipped too: wink-fast.ts runs wink's tokeniser and tagger from wink's own modules
 * and packs the same tokens, lexeme numbers and tags for 65-80% of readDoc's CPU (bench corpus
 * 0.63-0.89 -> 0.42-0.45 ms an article; dev news 0.50-0.54 -> 0.39-0.42 ms a text). readDoc remains the
 * path for lemmas and for a wink whose internals are not the expected ones.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Stage } from '../model/stage.js';
import type { Token } from '../model/types.js';
import { rawDocument, type RawDocument } from './wink-raw.js';
import { createFastTagger, type FastTagger } from './wink-fast.js';

type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | null = null;

/**
 * The wink pipeline, built once per process (and again after it has learned too many words, see
 * MAX_LEARNED_WORDS). Loading the model takes ~100 ms, so a caller timing articles (the pipeline, the
 * benchmark) can load it up front instead of in the first article.
 */
export function loadTokenizer(): Wink {
  if (!nlp) {
    nlp = winkNLP(model, ['pos']);
    rebuilds += 1;
  }
  return nlp;
}

/**
 * wink adds every spelling it has not seen (names, numbers, typos) to its lexicon and keeps it for the
 * life of the instance: about 220 bytes a word, measured, so a long ingest or a server grows without
 * bound (a million new words, 220 MB). Past this many the instance is dropped and the next text gets
 * a fresh one (the model's lexicon is loaded anew per instance); tokens and tags are the same either way.
 */
const MAX_LEARNED_WORDS = 200_000;
let maxLearnedWords = MAX_LEARNED_WORDS;
let rebuilds = 0;

/** Sets the bound on learned words (tests use a small one); returns the previous bound. */
export function setMaxLearnedWords(limit: number): number {
  const previous = maxLearnedWords;
  maxLearnedWords = limit;
  return previous;
}

/** How many wink instances this process has built (for tests of the bound above). */
export function tokenizerBuilds(): number {
  return rebuilds;
}

// A token value is searched for at most this far past the cursor: wink only drops whitespace, so a
// longer gap means the value was rewritten (never seen so far) and the token is skipped, not misplaced.
const MAX_GAP = 256;

export interface TokenizeOptions {
  /**
   * Also give each token its lemma. No stage reads lemmas and wink's lemmatiser costs about a tenth of
   * the tokens stage, so the pipeline leaves them out.
   */
  lemmas?: boolean;
}

/** Whether a token value is only whitespace (wink emits line breaks as tokens of their own). */
function blank(value: string): boolean {
  const c = value.charCodeAt(0);
  // Every visible character the text can start a token with is above the space; Unicode spaces
  // (no-break, thin...) are above it too and go to the full check.
  if (c > 32 && c !== 0xa0 && c < 0x1680) return false;
  return !value.trim();
}

/** Where `value` starts, at or after `cursor` (`expected` is where wink's space count puts it), or -1. */
function locate(text: string, value: string, cursor: number, expected: number): number {
  if (text.startsWith(value, expected)) return expected;
  const at = text.indexOf(value, cursor);
  return at < 0 || at - cursor > MAX_GAP ? -1 : at;
}

/**
 * What depends only on a token's lexeme (its type), remembered by lexeme number for the wink instance
 * that numbered them (`rebuilds`): wink works a type out from packed bits and feature tables on every
 * call. A plain array kept packed (grown with `undefined`), not sparse, so reads stay fast.
 */
let typeByLexeme: (string | undefined)[] = [];
let typeGeneration = -1;
/** POS tag names by wink's tag number (a few dozen). */
let posNames: (string | undefined)[] = [];

function lexemeType(raw: RawDocument, lexeme: number): string {
  if (lexeme >= typeByLexeme.length) {
    const size = Math.max(lexeme + 1, typeByLexeme.length * 2, 1024);
    while (typeByLexeme.length < size) typeByLexeme.push(undefined);
  }
  let type = typeByLexeme[lexeme];
  if (type === undefined) typeByLexeme[lexeme] = type = raw.lexemeType(lexeme);
  return type;
}

function posName(raw: RawDocument, index: number): string {
  while (posNames.length <= index) posNames.push(undefined);
  let name = posNames[index];
  if (name === undefined) posNames[index] = name = raw.posName(index);
  return name;
}

/**
 * The lexeme numbers of a token list's tokens, kept beside the list (tokens are a working layer, and
 * the numbers are wink's, valid only for the wink instance of `generation`): later stages remember
 * what they work out per spelling by number instead of looking the text up.
 */
export interface TokenLexemes {
  ids: number[];
  generation: number;
}
const lexemesOfTokens = new WeakMap<Token[], TokenLexemes>();

/** The lexeme numbers of tokens `tokenize` made (undefined for any other list). */
export function tokenLexemes(tokens: Token[]): TokenLexemes | undefined {
  return lexemesOfTokens.get(tokens);
}

function fromRaw(text: string, raw: RawDocument): Token[] {
  if (typeGeneration !== rebuilds) {
    typeByLexeme = [];
    posNames = [];
    typeGeneration = rebuilds;
  }
  const out: Token[] = [];
  const ids: number[] = [];
  let cursor = 0;
  for (let i = 0; i < raw.count; i++) {
    const lexeme = raw.lexeme(i);
    const value = raw.lexemeValue(lexeme);
    if (blank(value)) continue;
    const at = locate(text, value, cursor, cursor + raw.spacesBefore(i));
    if (at < 0) continue;
    const end = at + value.length;
    out.push({ start: at, end, text: value, pos: posName(raw, raw.posIndex(i)), kind: lexemeType(raw, lexeme) });
    ids.push(lexeme);
    cursor = end;
  }
  lexemesOfTokens.set(out, { ids, generation: rebuilds });
  return out;
}

/** The same tokens through wink's public API: used for lemmas, and if wink's internals ever change. */
function fromApi(text: string, wink: Wink, options: TokenizeOptions): Token[] {
  const its = wink.its;
  const tokens = wink.readDoc(text).tokens();
  const values = tokens.out(its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  const kinds = tokens.out(its.type) as string[];
  const lemmas = options.lemmas ? (tokens.out(its.lemma as Parameters<typeof tokens.out>[0]) as string[]) : null;
  const out: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (blank(value)) continue;
    const at = locate(text, value, cursor, cursor);
    if (at < 0) continue;
    const end = at + value.length;
    const token: Token = { start: at, end, text: value, pos: pos[i], kind: kinds[i] };
    if (lemmas) token.lemma = lemmas[i];
    out.push(token);
    cursor = end;
  }
  return out;
}

/**
 * wink's tokeniser and tagger run without readDoc (see wink-fast.ts): built once per process and again
 * after MAX_LEARNED_WORDS like the wink instance; null when this wink's internals are not the expected
 * ones, and then never tried again.
 */
let tagger: FastTagger | null = null;
let taggerAvailable = true;

function loadTagger(): FastTagger | null {
  if (tagger || !taggerAvailable) return tagger;
  tagger = createFastTagger();
  if (tagger) rebuilds += 1;
  else taggerAvailable = false;
  return tagger;
}

function readFast(text: string): RawDocument | null {
  const fast = loadTagger();
  if (!fast) return null;
  try {
    return fast.read(text);
  } catch {
    // Not expected; wink's readDoc takes over, with its own lexeme numbers (a new generation).
    tagger = null;
    taggerAvailable = false;
    rebuilds += 1;
    return null;
  }
}

/** Tokenises `text` (wink treats newlines as spaces, so no token crosses a line). */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  if (!options.lemmas) {
    const fast = readFast(text);
    const raw = fast ?? rawDocument(loadTokenizer().readDoc(text));
    if (raw) {
      const tokens = fromRaw(text, raw);
      if (raw.learnedWords !== null && raw.learnedWords > maxLearnedWords) {
        // The next text gets a fresh lexicon (the one that read this text is dropped).
        if (fast) tagger = null;
        else nlp = null;
      }
      return tokens;
    }
  }
  return fromApi(text, loadTokenizer(), options);
}

export const tokenStage: Stage = {
  name: 'tokens',
  prepare() {
    if (!loadTagger()) loadTokenizer();
  },
  run(doc) {
    doc.tokens = tokenize(doc.text);
  },
};
