/** POST /api/documents bodies to article drafts, through the same readers as files. */
import type { z } from 'zod';
import { readHtml } from '../ingest/readers/html.js';
import { segmentPage } from '../ingest/segment.js';
import type { ArticleDraft } from '../model/doc.js';
import type { DocumentBody } from './schemas.js';

/** Where API documents say they came from, in `source.path`. */
export const API_SOURCE = 'api:/api/documents';

export function draftsFromBody(body: z.output<typeof DocumentBody>): ArticleDraft[] {
  const published = body.published ?? null;
  // An API document is one story: no glued-page segmentation.
  const drafts = body.html
    ? readHtml(body.html, API_SOURCE, published).slice(0, 1)
    : segmentPage(body.text!, { path: API_SOURCE, published, url: body.url ?? null, title: body.title ?? null, single: true });
  return drafts.map((draft) => ({
    ...draft,
    title: body.title ?? draft.title,
    url: body.url ?? draft.url,
    published: draft.published ?? published,
  }));
}
