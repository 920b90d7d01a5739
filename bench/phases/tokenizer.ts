/**
 * wink-nlp over the same article texts: the floor no full pipeline can beat, so the pipeline's speed is
 * read as a ratio to it rather than as an absolute that depends on the machine.
 *
 * "Tokenisation alone" is wink with an empty annotation pipeline (tokens only). wink's default pipeline
 * also splits sentences and tags POS, negation, sentiment and its own entities, and runs about three
 * times slower; an earlier version of this benchmark timed that one, which flattered the ratio. Both are
 * still measured (plus POS only, which is what our tokens stage asks of wink) so the figures can be
 * compared with older runs.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { readDrafts, textBytes } from './corpus-drafts.js';
import { peakRssMb, type PhaseInput, type PhaseReport } from './types.js';

type Annotations = Parameters<typeof winkNLP>[1];

function timeWink(texts: string[], annotations: Annotations): { ms: number; tokens: number } {
  const nlp = annotations === undefined ? winkNLP(model) : winkNLP(model, annotations);
  // A short untimed pass first, so the first configuration timed is not the one paying for JIT warm-up.
  for (const text of texts.slice(0, 200)) nlp.readDoc(text);
  let tokens = 0;
  const started = performance.now();
  for (const text of texts) {
    nlp.readDoc(text).tokens().each(() => {
      tokens += 1;
    });
  }
  return { ms: performance.now() - started, tokens };
}

export async function runTokenizerPhase(input: PhaseInput): Promise<PhaseReport> {
  const drafts = readDrafts(input.files);
  const texts = drafts.map((draft) => draft.text);
  const bytes = textBytes(drafts);
  const alone = timeWink(texts, []);
  const withPos = timeWink(texts, ['pos']);
  const defaults = timeWink(texts, undefined);
  return {
    phase: 'tokenizer',
    articles: drafts.length,
    bytes,
    ms: alone.ms,
    peakRssMb: peakRssMb(),
    extra: { tokens: alone.tokens, posMs: withPos.ms, defaultPipelineMs: defaults.ms },
  };
}
