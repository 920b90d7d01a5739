import type { Stage } from '../model/stage.js';

// Placeholder until the entities work lands: wink-nlp tokens with POS per sentence.
export const tokenStage: Stage = { name: 'tokens', run() {} };
