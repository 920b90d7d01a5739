/**
 * The entity layer's last steps join lists that are each already in layer order (start, then longer
 * first): merging them gives what sorting their concatenation gives (the sort is stable, so equal
 * spans keep list order), in one pass instead of a sort with a comparison callback per step.
 */
import { sortSpans } from '../model/doc.js';
import type { Span } from '../model/types.js';

function before(a: Span, b: Span): boolean {
  return a.start < b.start || (a.start === b.start && a.end > b.end);
}

function inOrder(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (before(spans[i], spans[i - 1])) return false;
  return true;
}

/** sortSpans() of the lists concatenated in order; merged when each list is in order already. */
export function mergeSortedSpans<T extends Span>(lists: readonly (readonly T[])[]): T[] {
  const nonEmpty = lists.filter((l) => l.length);
  if (nonEmpty.length <= 1) return sortSpans([...(nonEmpty[0] ?? [])]);
  if (!nonEmpty.every(inOrder)) return sortSpans(nonEmpty.flat() as T[]);
  let merged: T[] = nonEmpty[0] as T[];
  for (let k = 1; k < nonEmpty.length; k++) merged = mergeTwo(merged, nonEmpty[k]);
  return merged;
}

/** Stable merge: on equal spans, `a`'s come first. */
function mergeTwo<T extends Span>(a: readonly T[], b: readonly T[]): T[] {
  const out = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = before(b[j], a[i]) ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
