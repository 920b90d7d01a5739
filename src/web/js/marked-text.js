// An article's text with the spans behind an event's fields marked. Spans nest and overlap
// (a place inside the evidence sentence), so the text is cut at every span boundary and each piece
// carries the classes of all spans covering it. Every piece is a text node: nothing is parsed as HTML.
import { el } from './elements.js';

export const FIELD_LABELS = {
  evidence: 'evidence',
  sentence: 'sentence',
  location: 'place',
  actor1: 'actor 1',
  actor2: 'actor 2',
  date: 'date',
  count: 'count',
  trigger: 'trigger',
  attribution: 'source',
  trace: 'trace',
};

export function markedText(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const container = el('div', { className: 'article-text' });
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const [start, end] = [bounds[i], bounds[i + 1]];
    const piece = text.slice(start, end);
    const covering = spans.filter((s) => s.start <= start && s.end >= end);
    if (!covering.length) {
      container.append(document.createTextNode(piece));
      continue;
    }
    const fields = [...new Set(covering.map((s) => s.field))];
    const inEvidence = fields.includes('evidence');
    const title = covering
      .filter((s) => s.field !== 'evidence' && s.field !== 'sentence')
      .map((s) => `${FIELD_LABELS[s.field]}${s.label ? `: ${s.label}` : ''}`)
      .join(' · ');
    container.append(
      el(inEvidence ? 'mark' : 'span', { className: fields.map((f) => `f-${f}`).join(' '), title: title || (inEvidence ? 'evidence' : undefined) }, piece),
    );
  }
  return container;
}
