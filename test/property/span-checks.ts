/**
 * The offset contract every layer keeps (src/model/types.ts): spans are half-open ranges inside the
 * article text, and a span that carries its words carries exactly text.slice(start, end).
 */
import assert from 'node:assert/strict';
import type { Article, Doc, Span } from '../../src/model/types.js';

function checkSpan(text: string, span: Span & { text?: string }, where: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${where}: integer offsets (${span.start}, ${span.end})`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${where}: [${span.start}, ${span.end}) inside a text of ${text.length}`);
  if (typeof span.text === 'string') {
    assert.equal(text.slice(span.start, span.end), span.text, `${where}: text.slice(start, end) equals the span text`);
  }
}

/** Checks every layer of an article (and the token layer when given a Doc); returns spans checked per layer. */
export function assertSpansInside(article: Article | Doc): Record<string, number> {
  const checked: Record<string, number> = {};
  const text = article.text;
  const layers: Record<string, Array<Span & { text?: string }>> = {
    subheads: article.subheads,
    sentences: article.sentences,
    entities: article.entities,
    places: article.places,
    dates: article.dates,
    quantities: article.quantities,
  };
  if ('tokens' in article) layers.tokens = article.tokens;
  for (const [layer, spans] of Object.entries(layers)) {
    spans.forEach((span, i) => checkSpan(text, span, `${layer}[${i}]`));
    checked[layer] = spans.length;
  }
  for (const [layer, events] of Object.entries({ events: article.events, context: article.context })) {
    events.forEach((event, i) => {
      checkSpan(text, event.evidence, `${layer}[${i}].evidence`);
      event.counts.forEach((count, k) => checkSpan(text, count, `${layer}[${i}].counts[${k}]`));
      const location = event.location;
      if (location && location.start !== undefined && location.end !== undefined) {
        checkSpan(text, { start: location.start, end: location.end }, `${layer}[${i}].location`);
      }
    });
    checked[layer] = events.length;
  }
  return checked;
}
