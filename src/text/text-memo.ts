/**
 * A bounded memo keyed by text cut from articles (names, words): values computed once per distinct
 * text, the whole memo dropped when it reaches its limit (a long-running server meets an open
 * vocabulary; restarting is cheaper than tracking recency). Keys are stored detached, so a memo never
 * pins the article a key was cut from (see detached.ts).
 */
import { detached } from './detached.js';

export class TextMemo<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(text: string): V | undefined {
    return this.map.get(text);
  }

  set(text: string, value: V): void {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(detached(text), value);
  }
}
