/**
 * HTML pages: @mozilla/readability finds the article, linkedom gives it a DOM without a browser.
 * Text is rebuilt block by block (one line per paragraph, list item, heading) so that list items and
 * table cells never run together, then cleaned by the same segmenter as plain text (single story).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from './dom.js';
import type { ArticleDraft } from '../../model/doc.js';
import { normalisePublished } from '../published.js';
import { segmentPage } from '../segment.js';

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TD', 'TH', 'DT', 'DD',
  'FIGCAPTION', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'TR', 'UL', 'OL', 'TABLE', 'BR', 'HR',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'FORM', 'BUTTON']);
/** Deeper than this is not an article but a hostile or broken page; the rest is read flat. */
const MAX_DEPTH = 400;

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Walks the DOM iteratively (pages can nest deeper than the call stack) and emits one line per block. */
export function blockText(root: DomNode): string {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const stack: Array<{ node: DomNode; depth: number; closing?: boolean; bullet?: boolean }> = [{ node: root, depth: 0 }];
  while (stack.length) {
    const { node, depth, closing } = stack.pop()!;
    if (closing) {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeName.toUpperCase();
    if (SKIP_TAGS.has(tag)) continue;
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) {
      flush();
      if (tag === 'LI') current = '- ';
      stack.push({ node, depth, closing: true });
    }
    if (depth >= MAX_DEPTH) {
      current += ' ' + (node.textContent ?? '');
      continue;
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1 });
  }
  flush();
  return lines.join('\n');
}

/**
 * Whether the tree nests deeper than `limit` anywhere. Readability walks the DOM recursively and in
 * quadratic time on depth (2 s at 4,000 levels, a stack overflow at 16,000), so a page nested that deep
 * skips it and is read block by block instead.
 */
export function nestsDeeperThan(root: DomNode, limit: number): boolean {
  const stack: Array<[DomNode, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) if (children[i].nodeType === 1) stack.push([children[i], depth + 1]);
  }
  return false;
}

function metaContent(document: Document, selectors: string[]): string | null {
  for (const selector of selectors) {
    const element = document.querySelector(selector);
    const value = element?.getAttribute('content') ?? element?.getAttribute('datetime');
    if (value) return value;
  }
  return null;
}

function jsonLdPublished(document: Document): string | null {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const match = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '');
    if (match) return match[1];
  }
  return null;
}

export function readHtml(html: string, path: string, published: string | null): ArticleDraft[] {
  const { document } = parseHTML(html);
  const metaPublished =
    metaContent(document, [
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="date"]',
      'meta[name="pubdate"]',
      'meta[name="DC.date.issued"]',
      'time[datetime]',
    ]) ?? jsonLdPublished(document);
  const url = metaContent(document, ['meta[property="og:url"]', 'link[rel="canonical"]']) ??
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const tooDeep = nestsDeeperThan(document as unknown as DomNode, MAX_DEPTH);
  const parsed = tooDeep ? null : new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  let text: string;
  let title: string | null = null;
  if (parsed?.content) {
    text = blockText(parseHTML(`<html><body>${parsed.content}</body></html>`).document.body as unknown as DomNode);
    title = parsed.title?.trim() || null;
  } else {
    // Readability edits the document it reads, so its failure needs a fresh parse; a page too deep for it is untouched.
    const source = tooDeep ? document : parseHTML(html).document;
    text = blockText(source.body as unknown as DomNode);
    title = document.querySelector('title')?.textContent?.trim() || null;
  }
  return segmentPage(text, {
    path,
    single: true,
    title,
    url,
    published: normalisePublished(parsed?.publishedTime ?? metaPublished) ?? published,
  }).map((draft) => ({ ...draft, source: { path, start: 0, end: html.length } }));
}
