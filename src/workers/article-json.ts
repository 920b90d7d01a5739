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
 * Writes the document around the articles' texts as they come, in input order, so that no article
 * waits in memory for the end of the run (a 20 MB input makes about 330 MB of JSON) and no single
 * string holds the whole output (V8 caps a string at about 512 MB). The head is written with the
 * first article, so a run that fails before any article has written nothing.
 */
export class DocumentWriter {
  private items = 0;

  constructor(
    private readonly format: ExtractFormat,
    private readonly write: (text: string) => void,
  ) {}

  /** One article's text, as serializeArticle() made it. */
  item(text: string): void {
    if (this.format === 'jsonl') this.write(text + '\n');
    else this.write(this.items === 0 ? '{\n  "articles": [\n' + text : ',\n' + text);
    this.items += 1;
  }

  /** The end of the document (for JSON, the whole document when there was no article). */
  end(): void {
    if (this.format === 'json') this.write(this.items === 0 ? '{\n  "articles": []\n}\n' : '\n  ]\n}\n');
  }
}
