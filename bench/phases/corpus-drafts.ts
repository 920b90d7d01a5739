/** The corpus as article drafts, read the way sitrep reads it (untimed: phases that need text only). */
import { readInput } from '../../src/ingest/read.js';
import type { ArticleDraft } from '../../src/model/doc.js';

export function readDrafts(files: string[]): ArticleDraft[] {
  const drafts: ArticleDraft[] = [];
  for (const file of files) {
    const result = readInput(file);
    if (!result.ok) throw new Error(`${file}: ${result.error}`);
    drafts.push(...result.drafts);
  }
  return drafts;
}

export function textBytes(drafts: ArticleDraft[]): number {
  return drafts.reduce((sum, draft) => sum + Buffer.byteLength(draft.text), 0);
}
