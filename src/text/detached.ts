/**
 * Strings kept for the life of the process (memo keys, vocabularies) must not pin the article they were
 * cut from. V8 stores a slice of 13 characters or more as a view into its parent string: a memo keyed by
 * names cut out of articles kept those whole articles alive, 11 MB of article text after 2,500 articles
 * (heap snapshot, mostly through the gazetteer's name memo), and more the longer a worker runs.
 */
const MIN_SLICED_LENGTH = 13;

/** `text` as a string of its own, sharing no storage with a longer string it may have been cut from. */
export function detached(text: string): string {
  // Shorter slices are copied by V8 already. Concatenating then slicing makes V8 flatten the pair into a
  // new string (text.length + 1 characters), which the result then views instead of the article.
  return text.length < MIN_SLICED_LENGTH ? text : (' ' + text).slice(1);
}
