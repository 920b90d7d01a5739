/**
 * The WHERE clause of an event query. Fragments are fixed strings chosen by which filters are set;
 * every value the user gave travels as a bound parameter, never inside the SQL text.
 */
import { InvalidQueryError, type EventQuery } from '../types.js';

export interface SqlFilter {
  where: string;
  params: unknown[];
}

/**
 * FTS5 has its own query language, where a stray quote or `-` is a syntax error; user words are
 * reduced to letters and digits and each becomes a quoted prefix term, all of which must match.
 */
export function ftsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  if (!words?.length) return null;
  return words.slice(0, 16).map((w) => `"${w}"*`).join(' ');
}

/** Keyset pagination: events are ordered by (date, id) descending; the cursor is the last one shown. */
export function encodeCursor(date: string | null, id: string): string {
  return Buffer.from(JSON.stringify([date ?? '', id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return value as [string, string];
    }
  } catch {
    // fall through to the error below
  }
  throw new InvalidQueryError('invalid cursor: pass back the nextCursor of a previous page');
}

export function eventFilter(query: Omit<EventQuery, 'limit' | 'cursor'>): SqlFilter {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (query.from) {
    clauses.push('coalesce(e.date_end, e.date) >= substr(?, 1, length(coalesce(e.date_end, e.date)))');
    params.push(query.from);
  }
  if (query.to) {
    clauses.push('e.date <= substr(?, 1, length(e.date))');
    params.push(query.to);
  }
  if (query.type?.length) {
    clauses.push(`e.type IN (${query.type.map(() => '?').join(', ')})`);
    params.push(...query.type);
  }
  if (query.country) {
    clauses.push('e.country = ?');
    params.push(query.country.toUpperCase());
  }
  if (query.actor) {
    clauses.push("instr(lower(coalesce(e.actor1, '') || ' | ' || coalesce(e.actor2, '')), lower(?)) > 0");
    params.push(query.actor);
  }
  if (query.bbox) {
    const [west, south, east, north] = query.bbox;
    clauses.push('e.seq IN (SELECT seq FROM events_rtree WHERE min_lon >= ? AND max_lon <= ? AND min_lat >= ? AND max_lat <= ?)');
    params.push(west, east, south, north);
  }
  const match = query.q ? ftsQuery(query.q) : null;
  if (match) {
    clauses.push(`e.id IN (
      SELECT m.event_id FROM mentions m WHERE m.seq IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?)
      UNION
      SELECT m.event_id FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))`);
    params.push(match, match);
  }
  return { where: clauses.length ? clauses.join(' AND ') : '1', params };
}

export function pageFilter(cursor: string | undefined): SqlFilter {
  if (!cursor) return { where: '1', params: [] };
  const [date, id] = decodeCursor(cursor);
  return { where: "(coalesce(e.date, ''), e.id) < (?, ?)", params: [date, id] };
}
