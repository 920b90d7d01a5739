/**
 * RSS and Atom feeds: each item is one story; its HTML description or content is read like a page.
 */
import { parseHTML } from './dom.js';
import type { ArticleDraft } from '../../model/doc.js';
import { normalisePublished } from '../published.js';
import { segmentPage } from '../segment.js';
import { blockText } from './html.js';

function childText(item: Element, names: string[]): string | null {
  for (const name of names) {
    for (const child of Array.from(item.children)) {
      if (child.tagName.toLowerCase() === name) return child.textContent?.trim() || child.getAttribute('href');
    }
  }
  return null;
}

export function readFeed(xml: string, path: string, published: string | null): ArticleDraft[] {
  const { document } = parseHTML('<html><body></body></html>');
  const parsed = new document.defaultView!.DOMParser().parseFromString(xml, "text/xml");
  const items = Array.from(parsed.querySelectorAll('item, entry')) as Element[];
  const drafts: ArticleDraft[] = [];
  for (const item of items) {
    const body = childText(item, ['content:encoded', 'content', 'description', 'summary']);
    if (!body) continue;
    const text = body.includes('<')
      ? blockText(parseHTML(`<html><body>${body}</body></html>`).document.body as never)
      : body;
    drafts.push(
      ...segmentPage(text, {
        path,
        single: true,
        title: childText(item, ['title']),
        url: childText(item, ['link', 'guid', 'id']),
        published: normalisePublished(childText(item, ['pubdate', 'published', 'updated', 'dc:date'])) ?? published,
      }).map((d) => ({ ...d, source: { path, start: 0, end: xml.length } })),
    );
  }
  return drafts;
}
