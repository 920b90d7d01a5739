/**
 * The text `sitrep extract` writes, one article at a time, so that workers can make it and send a
 * string back instead of the whole Article. Joined in input order, the pieces are byte for byte what
 * the in-process extract writes:
 * - jsonl: JSON.stringify(article) and a newline per article;
 * - json: JSON.stringify({ articles }, null, 2). An article inside that document is its own indented
 *   JSON shifted right by two levels (JSON strings hold no raw newline, so every "\n" is a line break
 *   of the layout), and the document is those items between a fixed head and tail.
 */
import type { Article } from '../model/types.js';

export type ExtractFormat = 'json' | 'jsonl';

/** Indentation of an article inside {"articles": [...]}: the array's items sit two levels deep. */
const ITEM_INDENT = '    ';

/** The text of one article in the given format, without the separator that follows it. */
export function serializeArticle(article: Article, format: ExtractFormat): string {
  if (format === 'jsonl') return JSON.stringify(article);
  return ITEM_INDENT + JSON.stringify(article, null, 2).replaceAll('\n', '\n' + ITEM_INDENT);
}

/**
 * The document around the articles' texts, as chunks to write one after another (no single string
 * holds the whole output, which for thousands of articles could pass V8's limit on string length).
 */
export function documentChunks(items: string[], format: ExtractFormat): string[] {
  if (format === 'jsonl') return items.map((item) => item + '\n');
  if (items.length === 0) return ['{\n  "articles": []\n}\n'];
  return ['{\n  "articles": [\n', ...items.map((item, i) => (i === 0 ? item : ',\n' + item)), '\n  ]\n}\n'];
}
