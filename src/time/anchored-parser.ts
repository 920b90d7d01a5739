/**
 * chrono runs each of its parsers' patterns over every position of the text, and most positions of a
 * news text hold no date. A pattern whose every match must contain some anchor word ("ago", a month
 * name, a weekday, a digit) can instead be tried only at the few positions before an anchor, with the
 * same result. The anchors of all parsers are found in one pass over the text; each parser's own
 * pattern is then tried, sticky, only at the positions where one of its matches could start.
 *
 * Why the result is the same: given an anchor at `a`, a match holding it starts at some `s` with every
 * character strictly between `s` and `a` among those the pattern allows there (`between`), and with
 * the text before `a` as the pattern requires (`beforeChar`, `before`). Walking back from `a` over
 * allowed characters gives the earliest possible `s`. The positions tried, in increasing order and
 * each at most once, are all those where a match can start (`starts` says which characters a match
 * can start on); the first that matches is the match a plain `exec` would have found first, and a
 * sticky match at a position is the match a plain scan finds there.
 */
import type { Parser, ParsingContext } from 'chrono-node';

export interface AnchorRule {
  /** Words (lower case ASCII), one of which starts at the anchor of every match. */
  words: string[];
  /** Whether the character at `index` may stand between a match's start and its anchor. */
  between(text: string, index: number): boolean;
  /** What the character just before an anchor must be (by code) for a match to hold it. */
  beforeChar?(code: number): boolean;
  /** What the text just before an anchor (up to BEFORE_LENGTH characters) must end with for a match to hold it. */
  before?: RegExp;
  /**
   * Where a match can start: `boundary` for chrono's `(\W|^)` patterns (on a non-word character, or at
   * 0), `word` for patterns starting with `\b` and a word character, `anywhere` otherwise.
   */
  starts: 'boundary' | 'word' | 'anywhere';
  /** Hashes (sourceHash) of the pattern sources the rule was read from. */
  sources: number[];
}

/** How much text before an anchor `before` is tested on: longer than any of the rules' `before` can match. */
export const BEFORE_LENGTH = 32;

/** FNV-1a over UTF-16 code units: a short fingerprint of a pattern source. */
export function sourceHash(source: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    hash ^= source.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Word characters as `\W` and `\b` see them (ASCII letters, digits, underscore). */
export function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/**
 * For each rule, every position where one of its words starts and the character before is one the
 * rule allows there, in the last text asked about (chrono asks once per parser about the same text).
 * One pass over the text with a trie of all rules' words, case folded as chrono's patterns are (`i`
 * without `u`: ASCII letters only).
 */
class AnchorIndex {
  /** Trie over ASCII codes: node * 128 + code gives the next node (0: none). */
  private readonly next: Int32Array;
  /** Rules (bit i is rule i) having a word that ends at the node. */
  private readonly rulesEndingAt: Int32Array;
  /** Rules (bits) that allow each ASCII character just before an anchor. */
  private readonly rulesAfterChar: Int32Array;
  /** Rules (bits) having a word that starts with each (folded) ASCII character. */
  private readonly rulesStartingWith: Int32Array;
  private text: string | null = null;
  private positions: number[][];

  constructor(private readonly rules: AnchorRule[]) {
    if (rules.length > 31) throw new Error('at most 31 anchor rules');
    const transitions: number[] = new Array(128).fill(0);
    const ending: number[] = [0];
    rules.forEach((rule, ruleIndex) => {
      for (const word of rule.words) {
        let node = 0;
        for (const char of word) {
          const code = char.charCodeAt(0);
          if (code >= 128 || (code >= 65 && code <= 90)) throw new Error(`anchor word ${word}: lower case ASCII only`);
          if (!transitions[node * 128 + code]) {
            transitions[node * 128 + code] = ending.length;
            ending.push(0);
            transitions.push(...new Array(128).fill(0));
          }
          node = transitions[node * 128 + code];
        }
        ending[node] |= 1 << ruleIndex;
      }
    });
    this.next = Int32Array.from(transitions);
    this.rulesEndingAt = Int32Array.from(ending);
    this.rulesAfterChar = new Int32Array(128);
    for (let code = 0; code < 128; code++) {
      rules.forEach((rule, ruleIndex) => {
        if (!rule.beforeChar || rule.beforeChar(code)) this.rulesAfterChar[code] |= 1 << ruleIndex;
      });
    }
    this.rulesStartingWith = new Int32Array(128);
    rules.forEach((rule, ruleIndex) => {
      for (const word of rule.words) this.rulesStartingWith[word.charCodeAt(0)] |= 1 << ruleIndex;
    });
    this.positions = rules.map(() => []);
  }

  /** Rules (bits) having a word that starts at `start`. */
  rulesAt(text: string, start: number): number {
    const { next, rulesEndingAt } = this;
    let node = 0;
    let rules = 0;
    for (let i = start; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code >= 128) break;
      if (code >= 65 && code <= 90) code += 32;
      node = next[node * 128 + code];
      if (!node) break;
      rules |= rulesEndingAt[node];
    }
    return rules;
  }

  /** Positions of rule `ruleIndex`'s words in `text` (those with a character before it allows). */
  of(text: string, ruleIndex: number): number[] {
    if (text !== this.text) this.index(text);
    return this.positions[ruleIndex];
  }

  private index(text: string): void {
    this.text = text;
    const positions: number[][] = this.rules.map(() => []);
    this.positions = positions;
    const { rulesAfterChar, rulesStartingWith, next, rulesEndingAt } = this;
    const length = text.length;
    let before = -1;
    for (let start = 0; start < length; start++) {
      let code = text.charCodeAt(start);
      const previous = before;
      before = code;
      if (code >= 128) continue;
      if (code >= 65 && code <= 90) code += 32;
      // Rules that may have an anchor here: a word starts with this character and the one before
      // is allowed; most characters inside words are left at that.
      let rules = rulesStartingWith[code];
      if (!rules) continue;
      if (previous >= 0) rules &= previous < 128 ? rulesAfterChar[previous] : this.rulesAfterCode(previous);
      if (!rules) continue;
      // The words of the trie that start here (this.rulesAt, inlined: it runs at most word starts).
      let node = next[code];
      let found = rulesEndingAt[node];
      for (let i = start + 1; i < length; i++) {
        let following = text.charCodeAt(i);
        if (following >= 128) break;
        if (following >= 65 && following <= 90) following += 32;
        node = next[node * 128 + following];
        if (!node) break;
        found |= rulesEndingAt[node];
      }
      rules &= found;
      for (let r = 0; rules >> r; r++) if ((rules >> r) & 1) positions[r].push(start);
    }
  }

  private rulesAfterCode(code: number): number {
    let rules = 0;
    this.rules.forEach((rule, ruleIndex) => {
      if (!rule.beforeChar || rule.beforeChar(code)) rules |= 1 << ruleIndex;
    });
    return rules;
  }
}

/** A RegExp whose `exec` gives what the wrapped pattern's would, trying only anchored positions. */
class AnchoredPattern extends RegExp {
  /** The parse under way: chrono hands `exec` suffixes of its text. */
  context: ParsingContext | null = null;
  private readonly full: RegExp;
  private readonly atPosition: RegExp;

  constructor(
    full: RegExp,
    private readonly rule: AnchorRule,
    private readonly ruleIndex: number,
    private readonly index: AnchorIndex,
  ) {
    super(full.source, full.flags);
    this.full = full;
    this.atPosition = new RegExp(full.source, full.flags.replace(/[gy]/g, '') + 'y');
  }

  override exec(text: string): RegExpExecArray | null {
    const whole = this.context?.text;
    const offset = whole === undefined ? -1 : whole.length - text.length;
    if (whole === undefined || offset < 0) return this.full.exec(text);
    const positions = this.index.of(whole, this.ruleIndex);
    const sticky = this.atPosition;
    const { between, before, starts } = this.rule;
    // First anchor at or after the offset.
    let lo = 0;
    let hi = positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (positions[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    /** Positions (in `text`) below this one have been tried. */
    let next = 0;
    // The index leaves out anchors by the character before them in the whole text; at the start of
    // the text handed here there is none, so an anchor there is looked for on its own.
    let atStart = offset > 0 && positions[lo] !== offset && ((this.index.rulesAt(whole, offset) >> this.ruleIndex) & 1) === 1;
    let i = lo;
    for (;;) {
      let at: number;
      if (atStart) {
        at = 0;
        atStart = false;
      } else if (i < positions.length) {
        at = positions[i++] - offset;
      } else {
        break;
      }
      if (at > 0 && before && !before.test(text.slice(Math.max(0, at - BEFORE_LENGTH), at))) continue;
      let first = at;
      while (first > next && between(text, first - 1)) first--;
      // A match may start on the character just before the first one allowed in between.
      for (let start = Math.max(next, first - 1); start <= at; start++) {
        if (start > 0 && starts !== 'anywhere') {
          const wordHere = isWordCode(text.charCodeAt(start));
          if (starts === 'boundary' ? wordHere : !wordHere || isWordCode(text.charCodeAt(start - 1))) continue;
        }
        sticky.lastIndex = start;
        const match = sticky.exec(text);
        if (match) return match;
      }
      next = at + 1;
    }
    return null;
  }
}

/**
 * The parsers with their patterns searched from anchors, those that have a rule (by name: a class name
 * of chrono's, or a name given to one of ours). A pattern whose source is not one a rule was written
 * for (a chrono release that changed it, another option) is used as it is: slower, never wrong.
 */
export function anchoredParsers(parsers: Array<{ name: string; parser: Parser }>, rules: Record<string, AnchorRule>): Parser[] {
  const names = Object.keys(rules);
  const index = new AnchorIndex(names.map((name) => rules[name]));
  return parsers.map(({ name, parser }) => {
    const ruleIndex = names.indexOf(name);
    if (ruleIndex < 0) return parser;
    const rule = rules[name];
    const searched = new WeakMap<RegExp, RegExp>();
    return {
      pattern(context: ParsingContext): RegExp {
        const full = parser.pattern(context);
        let pattern = searched.get(full);
        if (!pattern) {
          const known = rule.sources.includes(sourceHash(full.source)) && (rule.starts !== 'boundary' || full.source.startsWith('(\\W|^)'));
          pattern = known ? new AnchoredPattern(full, rule, ruleIndex, index) : full;
          searched.set(full, pattern);
        }
        if (pattern instanceof AnchoredPattern) pattern.context = context;
        return pattern;
      },
      extract: (context, match) => parser.extract(context, match),
    };
  });
}
