/**
 * Word tokens of a sentence with offsets, the unit every pattern in data/events/ is matched against.
 * Events need their own light tokenisation (lower-cased words, hyphens split so "cease-fire" and
 * "cease fire" read alike, "7,000" kept whole) rather than wink's tokens, which the entity stage owns
 * and which may be absent when a text is coded on its own (the CASE 2021 evaluation).
 */
export interface Word {
  /** Lower-cased text. */
  lower: string;
  /** Text as written. */
  text: string;
  /**
   * The same number for the same text within one vocabulary generation (see `vocabularyGeneration`):
   * lexicon lookups that depend only on a word's text are remembered by it, in arrays.
   */
  id: number;
  start: number;
  end: number;
}

const WORD = /\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:['’][\p{L}]+)*/gu;

/** Bound on the vocabulary: a long-running server sees an open one; past this it starts afresh. */
const VOCABULARY_LIMIT = 200_000;
const ids = new Map<string, number>();
const lowers: string[] = [];
let generation = 0;

/** Changes when word ids are reassigned: memos keyed by id must be dropped then. */
export function vocabularyGeneration(): number {
  return generation;
}

/** Words of `text`, with offsets shifted by `offset` (the sentence's start in the article). */
export function tokenizeWords(text: string, offset = 0): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = WORD.exec(text)) !== null) {
    const raw = match[0];
    // only a word with an apostrophe can be "didn't" or "Turkey's"
    if (raw.includes("'") || raw.includes('’')) {
      // "didn't" is two words for negation: the verb and "n't".
      const nt = /n['’]t$/i.exec(raw);
      if (nt && raw.length > 3) {
        const cut = raw.length - 3;
        words.push(word(raw.slice(0, cut), offset + match.index));
        words.push(word("n't", offset + match.index + cut));
        continue;
      }
      // Possessives read as the noun ("Turkey's" -> "turkey").
      words.push(word(raw.replace(/['’]s$/i, ''), offset + match.index));
      continue;
    }
    words.push(word(raw, offset + match.index));
  }
  return words;
}

function word(text: string, start: number): Word {
  let id = ids.get(text);
  if (id === undefined) {
    if (ids.size >= VOCABULARY_LIMIT) {
      ids.clear();
      lowers.length = 0;
      generation++;
    }
    id = lowers.length;
    ids.set(text, id);
    lowers.push(text.toLowerCase());
  }
  return { text, lower: lowers[id], id, start, end: start + text.length };
}

/** Whether the text between two words holds a clause boundary (comma, semicolon, colon, dash). */
export function clauseBreakBetween(text: string, offset: number, from: number, to: number): boolean {
  return /[,;:—–()]/.test(text.slice(from - offset, to - offset));
}
