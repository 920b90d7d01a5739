// One colour per event type, the same on the map, the timeline, the table and the detail panel.
// Chosen to stay apart on the dark basemap and for the common colour-vision deficiencies.
const TYPE_COLOURS = {
  Battles: '#f05252',
  'Explosions/Remote violence': '#ff8a3d',
  'Violence against civilians': '#c084fc',
  Protests: '#4cc3ff',
  Riots: '#facc15',
  'Strategic developments': '#94a3b8',
  Displacement: '#2dd4bf',
  Arrival: '#a3e635',
};

export function typeColour(type) {
  return TYPE_COLOURS[type] ?? '#e2e8f0';
}

export const KNOWN_TYPES = Object.keys(TYPE_COLOURS);
