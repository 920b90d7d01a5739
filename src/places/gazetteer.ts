import type { Gazetteer } from '../model/resources.js';

// Placeholder until the gazetteer lands.
export function loadGazetteer(_options: { extraFiles: string[] }): Gazetteer {
  return { lookup: () => [], country: () => undefined };
}
