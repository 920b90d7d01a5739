/** Calendar arithmetic on plain UTC days: news dates have no time zone worth keeping. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function toUtc({ year, month, day }: Ymd): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

export function fromUtc(date: Date): Ymd {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(ymd: Ymd, days: number): Ymd {
  const date = toUtc(ymd);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

export function weekday(ymd: Ymd): number {
  return toUtc(ymd).getUTCDay();
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatDay(ymd: Ymd): string {
  return `${pad(ymd.year, 4)}-${pad(ymd.month)}-${pad(ymd.day)}`;
}

export function formatMonth(ymd: Pick<Ymd, 'year' | 'month'>): string {
  return `${pad(ymd.year, 4)}-${pad(ymd.month)}`;
}

export function parseDay(value: string): Ymd {
  const [year, month, day] = value.split('-').map(Number);
  return { year, month, day };
}

/** Monday..Sunday of the ISO week holding `ymd`. */
export function weekOf(ymd: Ymd): [Ymd, Ymd] {
  const monday = addDays(ymd, -((weekday(ymd) + 6) % 7));
  return [monday, addDays(monday, 6)];
}
