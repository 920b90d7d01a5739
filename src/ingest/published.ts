/**
 * Publication dates arrive as ISO dates, ISO timestamps (HTML meta, JSON-LD) or RFC 822 (feeds).
 * Everything becomes YYYY-MM-DD; what cannot be read becomes null rather than a guess.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

export function normalisePublished(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const trimmed = value.trim();
  const iso = ISO_DATE.exec(trimmed);
  if (iso) return isRealDate(+iso[1], +iso[2], +iso[3]) ? iso[0].slice(0, 10) : null;
  const parsed = Date.parse(trimmed);
  if (Number.isNaN(parsed)) return null;
  return new Date(parsed).toISOString().slice(0, 10);
}

export function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** For `--published`: strict YYYY-MM-DD, because a typo here shifts every date of the article. */
export function parsePublishedOption(value: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!iso || !isRealDate(+iso[1], +iso[2], +iso[3])) {
    throw new Error(`--published must be a date as YYYY-MM-DD, got "${value}"`);
  }
  return value;
}
