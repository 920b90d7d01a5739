import type { Stage } from '../model/stage.js';
import { parseQuantities } from './parse-quantities.js';

export { parseQuantities, numberValue } from './parse-quantities.js';

export const quantityStage: Stage = {
  name: 'quantities',
  run(doc) {
    // Numbers inside date expressions ("January 25", "since 2011") are dates, not counts.
    doc.quantities = parseQuantities(doc.text, doc.dates, doc.tokens);
  },
};
