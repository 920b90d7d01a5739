// The dashboard's only I/O: JSON from this server's API (same origin, no third party).

export class ApiError extends Error {}

export async function getJson(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`${path}: the server did not answer with JSON (${response.status})`);
  }
  if (!response.ok) throw new ApiError(body?.error ?? `${path}: HTTP ${response.status}`);
  return body;
}

/** All events matching the server-side filters (words, actor, country), newest first. */
export function fetchEvents({ q, actor, country }, limit = 5000) {
  const params = new URLSearchParams({ limit: String(limit) });
  if (q) params.set('q', q);
  if (actor) params.set('actor', actor);
  if (country) params.set('country', country);
  return getJson(`/api/events?${params}`);
}

export const fetchEvent = (id) => getJson(`/api/events/${encodeURIComponent(id)}`);
export const fetchHistory = (id) => getJson(`/api/events/${encodeURIComponent(id)}/history`);
export const fetchStats = () => getJson('/api/stats');
