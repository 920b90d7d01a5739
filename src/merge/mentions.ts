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

export function mentionsOf(article: Article): Mention[] {
  const publisher = publisherOf(article.url);
  return article.events.map((event, index) => ({
    id: `${article.id}#${index}`,
    articleId: article.id,
    index,
    type: event.type,
    subType: event.subType,
    date: event.date,
    dateEnd: event.dateEnd,
    datePrecision: event.datePrecision,
    actor1: event.actor1,
    actor2: event.actor2,
    location: event.location,
    fatalities: event.fatalities,
    counts: event.counts,
    attribution: event.attribution,
    evidence: event.evidence,
    publisher,
    published: article.published,
    trace: event.trace,
  }));
}
