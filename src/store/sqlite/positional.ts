/**
 * Named parameters (@name) written in SQL, bound by position. better-sqlite3 binds a named parameter
 * by looking its name up on the object passed, from C++ (about 1.5 µs more a call for 21 names than
 * an array); callers that run a statement thousands of times build the array in the statement's
 * order instead, from `names`. A name may appear several times.
 */
export interface PositionalSql<K extends string> {
  sql: string;
  /** The name of each `?` of `sql`, in order. */
  names: K[];
  /** The positions of a name's `?`s. */
  slots: (name: K) => number[];
}

export function positional<K extends string>(sql: string): PositionalSql<K> {
  const names: K[] = [];
  const text = sql.replace(/@([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: K) => {
    names.push(name);
    return '?';
  });
  return { sql: text, names, slots: (name) => names.flatMap((n, i) => (n === name ? [i] : [])) };
}
