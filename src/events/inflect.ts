/**
 * Inflections for `word+` entries in the lexicons: plural and 3rd person (-s/-es/-ies), past (-ed,
 * -ied), progressive (-ing), with final-consonant doubling and silent-e dropping, plus the irregular
 * forms listed in data/events/irregular-forms.tsv. Over-generating a form nobody writes is harmless;
 * missing one loses a trigger, so both spellings are produced where English hesitates (shelled/sheled).
 */
const VOWEL = /[aeiou]/;

export function inflections(base: string, irregular: Map<string, string[]>): string[] {
  const forms = new Set<string>([base]);
  for (const f of irregular.get(base) ?? []) forms.add(f);
  const last = base.at(-1) ?? '';
  const beforeLast = base.at(-2) ?? '';
  if (/(s|x|z|ch|sh)$/.test(base)) {
    forms.add(base + 'es');
  } else if (last === 'y' && !VOWEL.test(beforeLast)) {
    forms.add(base.slice(0, -1) + 'ies');
  } else {
    forms.add(base + 's');
  }
  if (last === 'e') {
    forms.add(base + 'd');
    forms.add(base.endsWith('ee') ? base + 'ing' : base.slice(0, -1) + 'ing');
  } else if (last === 'y' && !VOWEL.test(beforeLast)) {
    forms.add(base.slice(0, -1) + 'ied');
    forms.add(base + 'ing');
  } else {
    forms.add(base + 'ed');
    forms.add(base + 'ing');
    // consonant-vowel-consonant endings double before -ed/-ing (drop -> dropped, plan -> planned)
    if (/[^aeiou][aeiou][^aeiouwxy]$/.test(base)) {
      forms.add(base + last + 'ed');
      forms.add(base + last + 'ing');
    }
  }
  return [...forms];
}
