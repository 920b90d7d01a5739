/**
 * Longest-match lookup of multi-word phrases over a token sequence, keyed word by word on the same
 * folded keys as the actor dictionary, so "U.S.-led coalition", "US-led coalition" and "U.S. led
 * coalition" walk the same path. A walk costs one hash lookup per token it advances over.
 */
import { nameKey } from './name-key.js';

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  value?: T;
}

/**
 * Key of one token for phrase walking: "" for tokens a walk steps over (hyphens, the Arabic article
 * "al"/"el", which nameKey also drops from phrases).
 */
export function tokenKey(text: string): string {
  let key = tokenKeys.get(text);
  if (key === undefined) {
    key = nameKey(text);
    if (key === 'al' || key === 'el') key = '';
    // News vocabulary repeats: a bounded memo saves the Unicode normalisation on most tokens.
    if (tokenKeys.size > 100_000) tokenKeys.clear();
    tokenKeys.set(text, key);
  }
  return key;
}

const tokenKeys = new Map<string, string>();

export interface PhraseMatch<T> {
  /** Index of the last token of the match. */
  last: number;
  value: T;
}

export class PhraseMatcher<T> {
  private readonly root: TrieNode<T> = { next: new Map() };

  /** Adds a phrase; a later add of the same phrase replaces the value. */
  add(phrase: string, value: T): void {
    const words = nameKey(phrase).split(' ').filter(Boolean);
    if (!words.length) return;
    let node = this.root;
    for (const word of words) {
      let child = node.next.get(word);
      if (!child) {
        child = { next: new Map() };
        node.next.set(word, child);
      }
      node = child;
    }
    node.value = value;
  }

  /** The keys phrases start with. */
  firstKeys(): IterableIterator<string> {
    return this.root.next.keys();
  }

  /** Whether any phrase starts with this token key (cheap pre-check before a walk). */
  starts(key: string): boolean {
    return this.root.next.has(key);
  }

  /**
   * The longest phrase starting at token `first` and ending at or before `limit` (inclusive), or
   * undefined. `keys` are tokenKey() of each token; "" keys are stepped over but never end a match.
   */
  matchAt(keys: string[], first: number, limit: number): PhraseMatch<T> | undefined {
    if (!keys[first]) return undefined;
    let node: TrieNode<T> | undefined = this.root;
    let best: PhraseMatch<T> | undefined;
    for (let i = first; i <= limit && node; i++) {
      const key = keys[i];
      if (!key) continue;
      node = node.next.get(key);
      if (node?.value !== undefined) best = { last: i, value: node.value };
    }
    return best;
  }
}

/** English plural of a phrase's last word ("air strike" -> "air strikes", "city" -> "cities"). */
export function pluralOf(phrase: string): string {
  if (/(s|x|ch|sh)$/.test(phrase)) return `${phrase}es`;
  if (/[^aeiou]y$/.test(phrase)) return `${phrase.slice(0, -1)}ies`;
  return `${phrase}s`;
}

/** Adds the plural of the phrase's last word too ("air strike" -> "air strikes"). */
export function addWithPlural<T>(matcher: PhraseMatcher<T>, phrase: string, value: T): void {
  matcher.add(phrase, value);
  matcher.add(pluralOf(phrase), value);
}
