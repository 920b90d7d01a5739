import type { Stage } from '../model/stage.js';

// Placeholder until the event coder lands.
export const eventStage: Stage = { name: 'events', run() {} };
