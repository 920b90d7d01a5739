/**
 * The events stage: codes every sentence with the trigger lexicons (coder.ts), turns each coded
 * sentence into an ACLED-style event (assemble.ts) or, for cumulative statistics, a context record.
 */
import type { Stage } from '../model/stage.js';
import type { Article, EntitySpan, Span } from '../model/types.js';
import { codeSentence, type CodedSentence } from './coder.js';
import { eventLexicons, type EventLexicons } from './lexicons.js';
import { assembleEvents } from './assemble.js';

/**
 * Sentences to code: the sentence layer, or (when a text reaches the coder without one) the text's
 * lines, so a bare snippet is still coded.
 */
function sentenceSpans(article: Pick<Article, 'text' | 'sentences'>): Span[] {
  if (article.sentences.length) return article.sentences;
  const spans: Span[] = [];
  const line = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = line.exec(article.text)) !== null) if (m[0].trim()) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/**
 * The entities inside each span, in their order: handed to each sentence instead of every entity of
 * the article, which each sentence would otherwise sift. Spans are in order and do not overlap, so an
 * entity can lie only in the last span starting at or before it.
 */
function entitiesBySpan(spans: Span[], entities: EntitySpan[]): EntitySpan[][] {
  const buckets: EntitySpan[][] = spans.map(() => []);
  for (const e of entities) {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (spans[mid].start <= e.start) lo = mid;
      else hi = mid - 1;
    }
    const span = spans[lo];
    if (span && e.start >= span.start && e.end <= span.end) buckets[lo].push(e);
  }
  return buckets;
}

function ordered(spans: Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].end) return false;
  return true;
}

/** Every sentence of the article, coded. */
export function codeArticle(lex: EventLexicons, article: Pick<Article, 'text' | 'sentences' | 'entities'>): CodedSentence[] {
  const spans = sentenceSpans(article);
  const buckets = ordered(spans) ? entitiesBySpan(spans, article.entities) : null;
  return spans.map((span, i) => codeSentence(lex, article.text, span, buckets ? buckets[i] : article.entities));
}

export const eventStage: Stage = {
  name: 'events',
  prepare() {
    eventLexicons();
  },
  run(doc) {
    const lex = eventLexicons();
    const coded = codeArticle(lex, doc);
    // a text without sentences gives an empty list of another array kind: answered here, it does not
    // reach (and deoptimise) the assembly, tuned on lists of coded sentences
    if (!coded.length) {
      doc.events = [];
      doc.context = [];
      return;
    }
    const { events, context } = assembleEvents(lex, doc, coded);
    doc.events = events;
    doc.context = context;
  },
};
