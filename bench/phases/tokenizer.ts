/**
 * wink-nlp tokenisation alone over the same article texts: the floor no full pipeline can beat, so the
 * pipeline's speed is read as a ratio to it rather than as an absolute that depends on the machine.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { readDrafts, textBytes } from './corpus-drafts.js';
import { peakRssMb, type PhaseInput, type PhaseReport } from './types.js';

export async function runTokenizerPhase(input: PhaseInput): Promise<PhaseReport> {
  const drafts = readDrafts(input.files);
  const nlp = winkNLP(model);
  let tokens = 0;
  const started = performance.now();
  for (const draft of drafts) {
    nlp.readDoc(draft.text).tokens().each(() => {
      tokens += 1;
    });
  }
  const ms = performance.now() - started;
  return { phase: 'tokenizer', articles: drafts.length, bytes: textBytes(drafts), ms, peakRssMb: peakRssMb(), extra: { tokens } };
}
