import type { EvalTask } from '../registry.js';

// Placeholder until the ner evaluation lands.
export const nerTask: EvalTask = {
  name: 'ner',
  formats: [],
  async run() {
    throw new Error('the ner evaluation is not available yet');
  },
};
