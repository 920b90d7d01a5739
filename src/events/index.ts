/**
 * The events stage: codes every sentence with the trigger lexicons (coder.ts), turns each coded
 * sentence into an ACLED-style event (assemble.ts) or, for cumulative statistics, a context record.
 */
import type { Stage } from '../model/stage.js';
import type { Article, Span } from '../model/types.js';
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

/** Every sentence of the article, coded. */
export function codeArticle(lex: EventLexicons, article: Pick<Article, 'text' | 'sentences' | 'entities'>): CodedSentence[] {
  return sentenceSpans(article).map((span) => codeSentence(lex, article.text, span, article.entities));
}

export const eventStage: Stage = {
  name: 'events',
  prepare() {
    eventLexicons();
  },
  run(doc) {
    const lex = eventLexicons();
    const coded = codeArticle(lex, doc);
    const { events, context } = assembleEvents(lex, doc, coded);
    doc.events = events;
    doc.context = context;
  },
};
