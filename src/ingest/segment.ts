/**
 * The scraped-page segmenter: turns a page that may hold several glued stories into article drafts.
 *
 * Rules, in order:
 * 1. Lines are classified by shape (lines.ts); blank lines and page furniture are dropped, and a line
 *    seen before on the page is dropped (scrapers repeat headlines and highlight bullets).
 * 2. An all-caps line with body paragraphs on both sides is a subhead of that body; elsewhere it is a
 *    headline set in capitals.
 * 3. Headline and bullet lines form header groups; a headline after a bullet starts a new group (two
 *    stories' headers glued together). Paragraphs and subheads form bodies; a paragraph opening with a
 *    dateline starts a new body.
 * 4. Each header group is given to a neighbouring body: a leading group to the first body, a trailing
 *    group to the last, two groups between bodies one each, and a single group between two bodies to
 *    the one whose words it shares most (highlights paraphrase their own story; ties go to the following
 *    body since headlines usually come first). A group without a headline between two bodies is a list
 *    inside the story.
 */
import type { ArticleDraft } from '../model/doc.js';
import type { Span } from '../model/types.js';
import { matchDateline } from './dateline.js';
import { splitPageLines, type PageLine } from './lines.js';

export interface SegmentOptions {
  path: string;
  published?: string | null;
  url?: string | null;
  /** Metadata title (HTML, JSONL): used for the first article when the page has no headline. */
  title?: string | null;
  /** Treat the whole input as one article (HTML and JSONL records are one story each). */
  single?: boolean;
  /** Offset of `page` inside the input file, so `source` offsets point into the file. */
  offset?: number;
}

type Item = PageLine & { role: 'headline' | 'bullet' | 'subhead' | 'paragraph' };

interface HeaderGroup {
  kind: 'header';
  items: Item[];
}
interface Body {
  kind: 'body';
  items: Item[];
  header?: HeaderGroup;
}

const MIN_WORDS_TO_DEDUPE = 3;

/** At least `n` space-separated words: counts spaces instead of splitting a whole paragraph. */
function hasWords(key: string, n: number): boolean {
  let at = -1;
  for (let spaces = 0; spaces < n - 1; spaces++) {
    at = key.indexOf(' ', at + 1);
    if (at < 0) return false;
  }
  return true;
}

// Spelled out rather than spread: object spread is the slowest way to copy five fields.
function withRole(line: PageLine, role: Item['role']): Item {
  return { start: line.start, end: line.end, text: line.text, kind: line.kind, key: line.key, role };
}

function keptItems(lines: PageLine[]): Item[] {
  const seen = new Set<string>();
  const kept = lines.filter((line) => {
    if (line.kind === 'blank' || line.kind === 'boilerplate') return false;
    if (hasWords(line.key, MIN_WORDS_TO_DEDUPE)) {
      if (seen.has(line.key)) return false;
      seen.add(line.key);
    }
    return true;
  });
  return kept.map((line, i) => {
    if (line.kind === 'caps') {
      const before = kept[i - 1]?.kind;
      const after = kept[i + 1];
      const inBody = before === 'body' && after?.kind === 'body' && !matchDateline(after.text);
      return withRole(line, inBody ? 'subhead' : 'headline');
    }
    if (line.kind === 'headline') return withRole(line, 'headline');
    if (line.kind === 'bullet') return withRole(line, 'bullet');
    return withRole(line, 'paragraph');
  });
}

function groupItems(items: Item[]): Array<HeaderGroup | Body> {
  const parts: Array<HeaderGroup | Body> = [];
  for (const item of items) {
    const last = parts[parts.length - 1];
    const isHeader = item.role === 'headline' || item.role === 'bullet';
    if (isHeader) {
      const startsNewGroup =
        !last || last.kind !== 'header' || (item.role === 'headline' && last.items[last.items.length - 1].role === 'bullet');
      if (startsNewGroup) parts.push({ kind: 'header', items: [item] });
      else last.items.push(item);
    } else {
      const opensStory = item.role === 'paragraph' && matchDateline(item.text) !== null;
      if (!last || last.kind !== 'body' || opensStory) parts.push({ kind: 'body', items: [item] });
      else last.items.push(item);
    }
  }
  return parts;
}

const STOP = new Set(
  'the a an of in on at to for and or but with from by as is are was were be been has have had it its this that their they he she said says will would after over into about than more'.split(
    ' ',
  ),
);

// A module constant: tsx compiles a \p{...} literal into `new RegExp(...)`, rebuilt at every call.
const NON_WORD = /[^\p{L}\p{N}]+/u;

function contentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(NON_WORD)
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );
}

function sharedWordShare(group: HeaderGroup, body: Body): number {
  const groupWords = contentWords(group.items.map((i) => i.text).join(' '));
  if (!groupWords.size) return 0;
  const bodyWords = contentWords(body.items.map((i) => i.text).join(' '));
  let shared = 0;
  for (const w of groupWords) if (bodyWords.has(w)) shared++;
  return shared / groupWords.size;
}

/** Folds a headline-less bullet list sitting between two bodies back into the first body. */
function mergeInnerLists(parts: Array<HeaderGroup | Body>): Array<HeaderGroup | Body> {
  const out: Array<HeaderGroup | Body> = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const prev = out[out.length - 1];
    const next = parts[i + 1];
    const isInnerList =
      part.kind === 'header' &&
      part.items.every((it) => it.role === 'bullet') &&
      prev?.kind === 'body' &&
      next?.kind === 'body' &&
      !matchDateline(next.items[0].text);
    if (isInnerList && prev.kind === 'body' && next.kind === 'body') {
      prev.items.push(...part.items.map((it) => ({ ...it, role: 'paragraph' as const })), ...next.items);
      i++;
    } else {
      out.push(part);
    }
  }
  return out;
}

function assignHeaders(parts: Array<HeaderGroup | Body>): Body[] {
  const bodies = parts.filter((p): p is Body => p.kind === 'body');
  let i = 0;
  while (i < parts.length) {
    if (parts[i].kind !== 'header') {
      i++;
      continue;
    }
    const runStart = i;
    while (i < parts.length && parts[i].kind === 'header') i++;
    const groups = parts.slice(runStart, i) as HeaderGroup[];
    const before = parts[runStart - 1] as Body | undefined;
    const after = parts[i] as Body | undefined;
    if (!before && after) after.header = groups[groups.length - 1];
    else if (before && !after) before.header ??= groups[0];
    else if (before && after) {
      if (groups.length >= 2) {
        before.header ??= groups[0];
        after.header = groups[groups.length - 1];
      } else if (before.header) {
        after.header = groups[0];
      } else {
        const toBefore = sharedWordShare(groups[0], before) > sharedWordShare(groups[0], after);
        if (toBefore) before.header = groups[0];
        else after.header = groups[0];
      }
    }
  }
  return bodies;
}

function buildDraft(body: Body, options: SegmentOptions, useMetadataTitle: boolean): ArticleDraft {
  const offset = options.offset ?? 0;
  const headerItems = body.header?.items ?? [];
  const headlines = headerItems.filter((it) => it.role === 'headline');
  const title = headlines[0]?.text ?? (useMetadataTitle ? options.title ?? null : null);
  const highlights = [
    ...headlines.slice(1).map((h) => h.text),
    ...headerItems.filter((it) => it.role === 'bullet').map((b) => b.text),
  ];

  let dateline: string | null = null;
  const paragraphs: string[] = [];
  const subheads: Span[] = [];
  let length = 0;
  body.items.forEach((item, index) => {
    let text = item.text;
    if (index === 0 && item.role === 'paragraph') {
      const match = matchDateline(text);
      if (match) {
        dateline = match.text;
        text = text.slice(match.length);
      }
    }
    if (length > 0) length += 2; // paragraphs are separated by a blank line
    if (item.role === 'subhead') subheads.push({ start: length, end: length + text.length });
    paragraphs.push(text);
    length += text.length;
  });

  const all = [...headerItems, ...body.items];
  return {
    title,
    highlights,
    dateline,
    published: options.published ?? null,
    url: options.url ?? null,
    text: paragraphs.join('\n\n'),
    subheads,
    source: {
      path: options.path,
      start: offset + Math.min(...all.map((it) => it.start)),
      end: offset + Math.max(...all.map((it) => it.end)),
    },
  };
}

/** Splits a page into article drafts; an input with no body text gives no article. */
export function segmentPage(page: string, options: SegmentOptions): ArticleDraft[] {
  const items = keptItems(splitPageLines(page));
  if (options.single) {
    return segmentSingle(items, options);
  }
  const bodies = assignHeaders(mergeInnerLists(groupItems(items)));
  return bodies.map((body, i) => buildDraft(body, options, i === 0));
}

/**
 * One story (an HTML page or a JSONL record): headline and bullets before the first paragraph are
 * its title and highlights; headline-shaped lines further down are subheads.
 */
function segmentSingle(items: Item[], options: SegmentOptions): ArticleDraft[] {
  let firstParagraph = items.findIndex((it) => it.role === 'paragraph');
  if (firstParagraph < 0) {
    // A record that is one short unpunctuated line ("Gunmen kill 5 in Gao") is still its text.
    if (!items.length) return [];
    items = items.map((it) => ({ ...it, role: 'paragraph' as const }));
    firstParagraph = 0;
  }
  const header: HeaderGroup = { kind: 'header', items: items.slice(0, firstParagraph).filter((it) => it.role !== 'subhead') };
  const bodyItems = items.slice(firstParagraph).map((it): Item => {
    if (it.role === 'headline') return withRole(it, 'subhead');
    if (it.role === 'bullet') return withRole(it, 'paragraph');
    return it;
  });
  const draft = buildDraft({ kind: 'body', items: bodyItems, header }, options, true);
  if (options.title) {
    // The metadata title wins; a repeated headline line is then a highlight only if it differs.
    const headline = draft.title;
    draft.title = options.title;
    if (headline && headline !== options.title && !draft.highlights.includes(headline)) draft.highlights.unshift(headline);
  }
  return [draft];
}
