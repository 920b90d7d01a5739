import type { InputResult, ReadOptions } from './types.js';

// Being written by the lead: the signatures are final.

/** Expands folders (recursively, sorted) into files; `-` stays as stdin. Unreadable paths become errors. */
export function expandInputs(paths: string[]): { files: string[]; errors: InputResult[] } {
  return { files: paths, errors: [] };
}

/** Reads one input (text, HTML or JSONL by content/extension) into segmented article drafts. */
export function readInput(path: string, _options: ReadOptions = {}): InputResult {
  return { path, ok: false, error: 'readers not available yet' };
}
