import type { Article, EntitySpan, EntityType } from '../../src/model/types.js';
import { draftFromText } from '../../src/model/doc.js';
import { createPipeline } from '../../src/pipeline.js';

const pipeline = createPipeline();

/** Runs the whole pipeline on one sentence or paragraph of test text (published 2025-03-07). */
export function extract(text: string): Article {
  return pipeline.process(draftFromText(text, { published: '2025-03-07', source: { path: 'test', start: 0, end: text.length } }));
}

export function find(article: Article, text: string, type?: EntityType): EntitySpan | undefined {
  return article.entities.find((e) => e.text === text && (!type || e.type === type));
}

export function all(article: Article, text: string, type?: EntityType): EntitySpan[] {
  return article.entities.filter((e) => e.text === text && (!type || e.type === type));
}
