import { createHash } from 'node:crypto';
import type { Article, ArticleDraft, Doc, Span } from './types.js';

export type { ArticleDraft } from './types.js';

/** A draft from bare text, for library users and tests: no title, no dateline, the text its own source. */
export function draftFromText(text: string, fields: Partial<Omit<ArticleDraft, 'text'>> = {}): ArticleDraft {
  return {
    title: null,
    highlights: [],
    dateline: null,
    published: null,
    url: null,
    subheads: [],
    source: { path: 'text', start: 0, end: text.length },
    ...fields,
    text,
  };
}

/**
 * Stable content hash: the same article text (and title) gives the same id wherever it is read from,
 * which is what makes re-ingesting a document idempotent.
 */
export function articleId(text: string, title: string | null): string {
  return createHash('sha256')
    .update(title ?? '')
    .update('\u0000')
    .update(text)
    .digest('hex')
    .slice(0, 16);
}

export function createDoc(draft: ArticleDraft): Doc {
  return {
    id: articleId(draft.text, draft.title),
    title: draft.title,
    highlights: draft.highlights,
    dateline: draft.dateline,
    published: draft.published,
    url: draft.url,
    text: draft.text,
    source: draft.source,
    subheads: draft.subheads,
    sentences: [],
    entities: [],
    places: [],
    dates: [],
    quantities: [],
    events: [],
    context: [],
    tokens: [],
  };
}

/** The output contract: everything but the working layers (tokens). */
export function toArticle(doc: Doc): Article {
  const { tokens: _tokens, ...article } = doc;
  return article;
}

/** Layers of spans ordered by position, as every consumer expects. */
export function sortSpans<T extends Span>(spans: T[]): T[] {
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}
