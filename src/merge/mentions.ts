/** An article's events as mentions: the unit merging works on. */
import type { Article } from '../model/types.js';
import type { Mention } from './types.js';

/** "reuters.com" for https://www.reuters.com/world/...: who published the report. */
export function publisherOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** Takes only what a mention needs from the article, so packed articles (src/store) qualify too. */
export function mentionsOf(article: Pick<Article, 'id' | 'url' | 'published' | 'events'>): Mention[] {
  const publisher = publisherOf(article.url);
  return article.events.map((event, index) => ({
    ...event,
    id: `${article.id}#${index}`,
    articleId: article.id,
    index,
    publisher,
    published: article.published,
  }));
}
