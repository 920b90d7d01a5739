import type { EvalTask } from '../registry.js';

// Placeholder until the geo evaluation lands.
export const geoTask: EvalTask = {
  name: 'geo',
  formats: [],
  async run() {
    throw new Error('the geo evaluation is not available yet');
  },
};
