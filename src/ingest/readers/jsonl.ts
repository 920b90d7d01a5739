/**
 * JSONL: one article a line, `{"text", "title"?, "published"?, "url"?}`. A malformed line is reported
 * with its line number and skipped; the other lines are read.
 */
import { z } from 'zod';
import type { ArticleDraft } from '../../model/doc.js';
import { normalisePublished } from '../published.js';
import { segmentPage } from '../segment.js';

const JsonlRecord = z.object({
  text: z.string().min(1, 'text is empty'),
  title: z.string().nullish(),
  published: z.string().nullish(),
  url: z.string().nullish(),
});

/** Where `content` sits in its file, when it is a piece of it (see pieces.ts): line numbers and offsets are the file's. */
export interface JsonlPlace {
  /** Lines of the file before the content. */
  linesBefore: number;
  /** Characters of the file's text before the content. */
  charsBefore: number;
}

export function readJsonl(content: string, path: string, published: string | null, place: JsonlPlace = { linesBefore: 0, charsBefore: 0 }): { drafts: ArticleDraft[]; problems: string[] } {
  const drafts: ArticleDraft[] = [];
  const problems: string[] = [];
  let offset = place.charsBefore;
  const lines = content.split('\n');
  lines.forEach((rawLine, lineIndex) => {
    const index = lineIndex + place.linesBefore;
    const start = offset;
    offset += rawLine.length + 1;
    const line = rawLine.trim();
    if (!line) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push(`line ${index + 1}: malformed JSON (${(error as Error).message.split('\n')[0]})`);
      return;
    }
    const record = JsonlRecord.safeParse(value);
    if (!record.success) {
      const issue = record.error.issues[0];
      problems.push(`line ${index + 1}: ${issue.path.join('.') || 'record'}: ${issue.message}`);
      return;
    }
    const { text, title, url } = record.data;
    const recordPublished = normalisePublished(record.data.published);
    if (record.data.published && !recordPublished) {
      problems.push(`line ${index + 1}: published "${record.data.published}" is not a date; left empty`);
    }
    const recordDrafts = segmentPage(text, {
      path,
      single: true,
      title: title ?? null,
      url: url ?? null,
      published: recordPublished ?? published,
    });
    // Said out loud: a record whose text is all headline or page furniture would otherwise vanish.
    if (!recordDrafts.length) problems.push(`line ${index + 1}: no article text found in "text"`);
    for (const draft of recordDrafts) {
      drafts.push({ ...draft, source: { path, start, end: start + rawLine.length } });
    }
  });
  return { drafts, problems };
}
