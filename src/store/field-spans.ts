/**
 * Which words of a source article justify each field of an event, for the dashboard's highlighting
 * and for `explain`. The event stage records some spans directly (evidence, place, counts, trace);
 * actors and dates are found among the article's entity and date layers inside the evidence.
 */
import type { Article, Span } from '../model/types.js';
import type { Mention } from '../merge/types.js';
import type { FieldSpan } from './types.js';

/** Trace keys that name a field of the event. */
const TRACE_FIELDS = ['actor1', 'actor2', 'date', 'location', 'trigger', 'attribution'] as const;

function inside(span: Span, outer: Span): boolean {
  return span.start >= outer.start && span.end <= outer.end;
}

function isSpan(value: unknown): value is Span {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isInteger((value as Span).start) &&
    Number.isInteger((value as Span).end) &&
    (value as Span).end > (value as Span).start
  );
}

function sameName(a: string | undefined | null, b: string | null): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function fieldSpans(article: Article, mention: Mention): FieldSpan[] {
  const text = article.text;
  const valid = (s: Span) => s.start >= 0 && s.end <= text.length && s.end > s.start;
  const spans: FieldSpan[] = [];
  const add = (field: FieldSpan['field'], span: Span, label?: string) => {
    if (!valid(span)) return;
    if (spans.some((s) => s.field === field && s.start === span.start && s.end === span.end)) return;
    spans.push({ field, start: span.start, end: span.end, text: text.slice(span.start, span.end), ...(label ? { label } : {}) });
  };

  const evidence = mention.evidence;
  add('evidence', evidence);
  const sentence = article.sentences.find((s) => s.start <= evidence.start && s.end >= evidence.end);
  if (sentence && (sentence.start !== evidence.start || sentence.end !== evidence.end)) add('sentence', sentence);
  const scope = sentence ?? evidence;

  const location = mention.location;
  if (location && location.start !== undefined && location.end !== undefined) {
    add('location', { start: location.start, end: location.end }, location.name);
  }
  for (const count of mention.counts) add('count', count, count.kind);

  for (const entity of article.entities) {
    if (!inside(entity, scope)) continue;
    for (const role of ['actor1', 'actor2'] as const) {
      if (sameName(entity.canonical, mention[role]) || sameName(entity.text, mention[role])) add(role, entity, mention[role]!);
    }
  }
  const dates = article.dates.filter((d) => inside(d, scope));
  const date = dates.find((d) => d.value && d.value === mention.date) ?? dates[0];
  if (date) add('date', date, date.value ?? undefined);

  // The event stage's own trace names spans by role: use them for fields not found above, keep the
  // rest (trigger, attribution, anything new) without repeating a span already marked.
  for (const [key, value] of Object.entries(mention.trace ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (!isSpan(item)) continue;
      const field = (TRACE_FIELDS as readonly string[]).includes(key) ? (key as (typeof TRACE_FIELDS)[number]) : 'trace';
      if (field !== 'trace' && field !== 'trigger' && field !== 'attribution' && spans.some((s) => s.field === field)) continue;
      if (spans.some((s) => s.start === item.start && s.end === item.end && s.field !== 'evidence' && s.field !== 'sentence')) continue;
      add(field, item, field === 'trace' ? key : field === 'location' ? mention.location?.name : field.startsWith('actor') ? mention[field as 'actor1'] ?? undefined : undefined);
    }
  }
  return spans;
}
