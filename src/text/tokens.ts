/**
 * Tokens with universal POS tags from wink-nlp (English lite model), with character offsets into
 * doc.text. wink gives token values and the whitespace before each token but no offsets, so offsets are
 * recovered by finding each value in the text from a moving cursor.
 *
 * Speed: one wink document per paragraph costs about twice as much as one per article (wink's per-call
 * setup dominates on short strings), so the whole text is read once and tokens are then kept per
 * sentence: a token belongs to the sentence that contains it, and tokens of non-sentences (subheads,
 * blank lines) are kept too, so later stages can still find names in a title-like line.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Stage } from '../model/stage.js';
import type { Token } from '../model/types.js';

type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | null = null;

/**
 * The wink pipeline, built once per process. Loading the model takes ~100 ms, so a caller timing
 * articles (the pipeline, the benchmark) can load it up front instead of in the first article.
 */
export function loadTokenizer(): Wink {
  if (!nlp) nlp = winkNLP(model, ['pos']);
  return nlp;
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

/** Tokenises `text` (wink treats newlines as spaces, so no token crosses a line). */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const wink = loadTokenizer();
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
    // wink emits line breaks as tokens of their own; the layer holds words and punctuation only.
    if (!value.trim()) continue;
    const at = text.indexOf(value, cursor);
    if (at < 0 || at - cursor > MAX_GAP) continue;
    const end = at + value.length;
    const token: Token = { start: at, end, text: value, pos: pos[i], kind: kinds[i] };
    if (lemmas) token.lemma = lemmas[i];
    out.push(token);
    cursor = end;
  }
  return out;
}

export const tokenStage: Stage = {
  name: 'tokens',
  prepare() {
    loadTokenizer();
  },
  run(doc) {
    doc.tokens = tokenize(doc.text);
  },
};
