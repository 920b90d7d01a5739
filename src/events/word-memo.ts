/**
 * One byte per word, by word id (words.ts): what a lexicon or pattern index has worked out about a
 * word, remembered so each word is looked up once. A byte array stays in the CPU cache where a Map or
 * an array of references would not. Word ids are reassigned when the vocabulary table is renewed
 * (vocabularyGeneration), so the memo forgets everything then.
 */
import { VOCABULARY_LIMIT, vocabularyGeneration } from './words.js';

export class WordByteMemo {
  /**
   * Word ids stay below the vocabulary bound, so the memo is made that size at once (a few hundred
   * kilobytes): growing it was a path first taken after the engine had optimised its callers, which
   * deoptimised them.
   */
  private bytes = new Uint8Array(VOCABULARY_LIMIT);
  private generation = vocabularyGeneration();

  /** Forgets every word if the ids were reassigned since; true when it did. Call before get/set. */
  sync(): boolean {
    if (this.generation === vocabularyGeneration()) return false;
    this.bytes.fill(0);
    this.generation = vocabularyGeneration();
    return true;
  }

  /** The byte remembered for a word id; 0 when none was. */
  get(id: number): number {
    return id < this.bytes.length ? this.bytes[id]! : 0;
  }

  set(id: number, value: number): number {
    if (id >= this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, id + 1));
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[id] = value;
    return value;
  }
}
