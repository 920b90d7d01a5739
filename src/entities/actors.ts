import type { ActorDictionary } from '../model/resources.js';

// Placeholder until the actor dictionary lands.
export function loadActorDictionary(_options: { extraFiles: string[] }): ActorDictionary {
  return { resolve: () => undefined, all: () => [] };
}
