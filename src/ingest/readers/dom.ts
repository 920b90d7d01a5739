/**
 * linkedom's parseHTML, loaded on first use. Importing linkedom costs about a quarter of a second and
 * 30 MB; most runs (plain text, JSONL, every pipeline worker on such input) never parse HTML, so the
 * HTML and feed readers take it from here instead of importing it at the top.
 */
import { createRequire } from 'node:module';

type ParseHtml = typeof import('linkedom').parseHTML;

let loaded: ParseHtml | null = null;

export function parseHTML(html: string): ReturnType<ParseHtml> {
  loaded ??= (createRequire(import.meta.url)('linkedom') as { parseHTML: ParseHtml }).parseHTML;
  return loaded(html);
}
