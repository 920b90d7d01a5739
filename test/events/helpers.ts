/** The whole pipeline on one news-like text, for the events tests. */
import assert from 'node:assert/strict';
import { createPipeline } from '../../src/pipeline.js';
import { draftFromText } from '../../src/model/doc.js';
import type { Article, EventSpan } from '../../src/model/types.js';

const pipeline = createPipeline();

export function extract(text: string, published = '2024-05-02'): Article {
  return pipeline.process(draftFromText(text, { published, source: { path: 't', start: 0, end: text.length } }));
}

/** The one event a text must give; fails naming what came out instead. */
export function only(text: string): EventSpan {
  const { events } = extract(text);
  assert.equal(events.length, 1, `one event expected in: ${text}\n got ${JSON.stringify(events.map((e) => e.subType))}`);
  return events[0];
}
