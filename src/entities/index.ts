import type { Stage } from '../model/stage.js';

// Placeholder until the entities work lands.
export const entityStage: Stage = { name: 'entities', run() {} };
