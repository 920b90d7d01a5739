import type { EvalTask } from '../registry.js';

// Placeholder until the events evaluation lands.
export const eventsTask: EvalTask = {
  name: 'events',
  formats: [],
  async run() {
    throw new Error('the events evaluation is not available yet');
  },
};
