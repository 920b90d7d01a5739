/**
 * One of wink's POS machines, run as wink's automaton.js `recognize` runs it (wink-nlp 2.4), with its
 * transition table in Maps and arrays instead of the plain objects wink parses from the model.
 *
 * Why: wink's table is an object per state keyed by token numbers, and every state also has the key
 * for "otherwise", 2,070,003. Keys that large put an object's elements in dictionary mode, so each of
 * the two look-ups per token and machine is a hash probe through a generic path; the tagging machines
 * were 6% of the single-process pipeline. The machine below reads the same model JSON and follows the
 * same steps (greedy match, roll back to the last "otherwise" state, marks trimming a match); it leaves
 * out what wink's POS step never uses (pattern swaps, a detection callback). `tryPosMachine` returns
 * null for a model it does not read exactly, and the caller keeps wink's automaton.
 */

/** wink's automaton.js constants in native (cache) mode. */
const EOS_TOKEN = 2070000;
const OTHERWISE = 2070003;
const ROOT = 0;

/** A pattern found: [first token, last token, name], as wink's recognize returns it. */
export type PosMatch = [number, number, string];
type Transformer = (token: number, cache: unknown, rawTokens: number[], index: number) => number;

export class PosMachine {
  private constructor(
    /** Next state by token, per state (states without transitions: undefined). */
    private readonly next: (Map<number, number> | undefined)[],
    /** The "otherwise" state of each state, 0 for none. */
    private readonly otherwise: Int32Array,
    /** The pattern name of each terminal state. */
    private readonly terminal: (string | undefined)[],
    /** How much a match ending in a state is trimmed at its start and end. */
    private readonly marked: ([number, number] | undefined)[],
    /** The token wink skips (its line-break lexeme). */
    private readonly skipToken: number,
  ) {}

  /** The machine of a model JSON, or null when the JSON holds anything this runner does not read as wink does. */
  static fromJson(json: string, skipToken: number): PosMachine | null {
    const model = JSON.parse(json) as unknown[];
    const [version, lastState, fsm, terminalStates, markedStates, customProperties] = model as [
      unknown,
      unknown,
      Record<string, Record<string, unknown>>,
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    if (version !== 100 || typeof lastState !== 'number' || !Number.isInteger(lastState) || lastState < 0 || lastState > 1e6) return null;
    if (!fsm || typeof fsm !== 'object' || Object.keys(customProperties ?? {}).length > 0) return null;
    const size = lastState + 1;
    const isState = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < size;
    const stateOf = (key: string): number | null => (String(Number(key)) === key && isState(Number(key)) ? Number(key) : null);
    const next: (Map<number, number> | undefined)[] = new Array(size).fill(undefined);
    const otherwise = new Int32Array(size);
    for (const [stateKey, transitions] of Object.entries(fsm)) {
      const state = stateOf(stateKey);
      if (state === null || !transitions || typeof transitions !== 'object') return null;
      const map = new Map<number, number>();
      for (const [tokenKey, target] of Object.entries(transitions)) {
        if (!isState(target)) return null;
        // Token keys are numbers written as text, looked up by number: the tokens are POS tags or hints
        // (numbers, from the model's transformer) and the end-of-text number. A key that is no number's
        // text (the model has one, "$of") is one no token reaches in wink either.
        const token = Number(tokenKey);
        if (String(token) !== tokenKey) continue;
        if (token === OTHERWISE) otherwise[state] = target;
        else map.set(token, target);
      }
      next[state] = map;
    }
    const terminal: (string | undefined)[] = new Array(size).fill(undefined);
    for (const [stateKey, name] of Object.entries(terminalStates ?? {})) {
      const state = stateOf(stateKey);
      if (state === null || typeof name !== 'string' || name === '') return null;
      terminal[state] = name;
    }
    const marked: ([number, number] | undefined)[] = new Array(size).fill(undefined);
    for (const [stateKey, mark] of Object.entries(markedStates ?? {})) {
      const state = stateOf(stateKey);
      if (state === null || !Array.isArray(mark) || mark.length !== 2 || !mark.every((n) => Number.isInteger(n))) return null;
      marked[state] = [mark[0] as number, mark[1] as number];
    }
    // Every state a transition reaches that is not terminal must have a row, as wink reads its "otherwise".
    for (const map of next) {
      for (const target of map?.values() ?? []) if (!terminal[target] && target !== ROOT && !next[target]) return null;
    }
    for (const target of otherwise) if (target && !terminal[target] && !next[target]) return null;
    return new PosMachine(next, otherwise, terminal, marked, skipToken);
  }

  /** wink's recognize(tokens, transform, param), step for step (see automaton.js). */
  recognize(tokens: number[], transform: Transformer, cache: unknown, param: number[]): PosMatch[] {
    const { next, otherwise, terminal } = this;
    const length = tokens.length;
    const patterns: PosMatch[] = [];
    let first = 0;
    let state = ROOT;
    let lastOtherwiseIndex = 0;
    let lastOtherwiseState = ROOT;
    for (let i = 0; i <= length; i += 1) {
      for (let j = i; j <= length; j += 1) {
        let t = j === length ? EOS_TOKEN : tokens[j]!;
        if (t === this.skipToken) continue;
        if (j < length) t = transform(t, cache, param, j);
        let ns = next[state]?.get(t) || ROOT;
        if (!state && ns) first = j;
        if (terminal[ns] !== undefined) {
          this.push(patterns, first, j, ns);
          i = j;
          j = length + 100;
          ns = ROOT;
          lastOtherwiseState = ROOT;
        } else if (ns === ROOT) {
          if (lastOtherwiseState) {
            this.push(patterns, first, lastOtherwiseIndex, lastOtherwiseState);
            i = lastOtherwiseIndex;
            j = length + 100;
            lastOtherwiseState = ROOT;
          } else {
            j = length + 100;
          }
        }
        state = ns;
        // wink reads this after a match too, with j already past the end: kept as it does.
        if (otherwise[state]) {
          lastOtherwiseIndex = j;
          lastOtherwiseState = otherwise[state]!;
        }
      }
    }
    return patterns;
  }

  /** wink's pushMatch2Patterns: pattern "0" is dropped, marks trim the match. */
  private push(patterns: PosMatch[], start: number, end: number, state: number): void {
    const name = this.terminal[state]!;
    if (name === '0') return;
    const mark = this.marked[state];
    patterns.push(mark ? [start + mark[0], end - mark[1], name] : [start, end, name]);
  }
}
