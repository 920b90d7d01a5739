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

/**
 * For `--published`: strict YYYY-MM-DD, because a typo here shifts every date of the article. A
 * comma-separated list gives one date per article of a page, in page order (a scraper glues stories
 * of different days together); see `publishedForArticle`.
 */
export function parsePublishedOption(value: string): string {
  for (const part of value.split(',')) {
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(part.trim());
    if (!iso || !isRealDate(+iso[1], +iso[2], +iso[3])) {
      throw new Error(`--published must be a date as YYYY-MM-DD (or a comma-separated list of them); "${part}" is not`);
    }
  }
  return value.split(',').map((part) => part.trim()).join(',');
}

/**
 * The publication date an input's `index`-th article gets from a `--published` value: the list's
 * date at that position, the last one for articles past its end (one date is the common case).
 */
export function publishedForArticle(option: string | null | undefined, index: number): string | null {
  if (!option) return null;
  const dates = option.split(',');
  return dates[Math.min(index, dates.length - 1)];
}
