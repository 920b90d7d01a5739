/**
 * Unicode general categories of code points as bit flags, for the hand-written word scanners of the
 * places and events stages (a Unicode-property regular expression run over every character was the
 * dearest part of both). Each code point of the Basic Multilingual Plane is classified once per
 * process with the property regexes and remembered; news text meets few distinct characters.
 */
export const LETTER = 1; // \p{L}
export const MARK = 2; // \p{M}
export const NUMBER = 4; // \p{N}
export const UPPERCASE = 8; // \p{Lu}
const KNOWN = 16;

const LETTER_RE = /^\p{L}$/u;
const MARK_RE = /^\p{M}$/u;
const NUMBER_RE = /^\p{N}$/u;
const UPPERCASE_RE = /^\p{Lu}$/u;

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return (
    KNOWN |
    (LETTER_RE.test(ch) ? LETTER : 0) |
    (MARK_RE.test(ch) ? MARK : 0) |
    (NUMBER_RE.test(ch) ? NUMBER : 0) |
    (UPPERCASE_RE.test(ch) ? UPPERCASE : 0)
  );
}

/** Classes of the Basic Multilingual Plane, filled as characters are met (0 = not yet known). */
const bmp = new Uint8Array(0x10000);

/** The category flags of code point `cp` (LETTER | MARK | NUMBER | UPPERCASE). */
export function charFlags(cp: number): number {
  if (cp >= 0x10000) return classify(cp);
  let flags = bmp[cp]!;
  if (flags === 0) bmp[cp] = flags = classify(cp);
  return flags;
}
