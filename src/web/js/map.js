// The event map: country outlines from world-atlas (no tile server, works offline) and one circle
// per located event, coloured by type and sized by fatalities.
import { el } from './elements.js';
import { typeColour } from './colours.js';

const L = window.L;

/** Marker area grows with fatalities (radius with the square root), capped so one event cannot hide a city. */
export function markerRadius(fatalities) {
  return Math.min(5 + 2.4 * Math.sqrt(Math.max(0, fatalities ?? 0)), 26);
}

const ANTARCTICA = '010';

/**
 * world-atlas is cut for spherical renderers: a ring that touches the antimeridian (Chukotka, Fiji)
 * jumps from +180 to -180 and a flat map draws that jump as a stripe across the world. Shifting the
 * western half of such rings by 360 degrees keeps them whole just past the map's east edge.
 * Antarctica, which wraps the whole pole, is left out: no event is coded there.
 */
function unwrapAntimeridian(collection) {
  const unwrapRing = (ring) => {
    const lons = ring.map((p) => p[0]);
    if (Math.max(...lons) - Math.min(...lons) <= 180) return ring;
    return ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]);
  };
  const unwrap = (geometry) => {
    if (!geometry) return geometry;
    if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
    if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map((poly) => poly.map(unwrapRing)) };
    return geometry;
  };
  return {
    ...collection,
    features: collection.features.filter((f) => f.id !== ANTARCTICA).map((f) => ({ ...f, geometry: unwrap(f.geometry) })),
  };
}

export class EventMap {
  constructor(container, { onSelect }) {
    this.onSelect = onSelect;
    this.map = L.map(container, {
      zoomControl: true,
      worldCopyJump: false,
      minZoom: 2,
      maxZoom: 13,
      zoomSnap: 0.25,
      attributionControl: true,
      preferCanvas: false,
    });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution('Outlines: Natural Earth (world-atlas)');
    this.map.setView([30, 30], 3);
    this.layer = L.layerGroup().addTo(this.map);
    this.markers = new Map();
    this.selectedId = null;
    this.fitted = false;
  }

  async loadOutlines() {
    const response = await fetch('/vendor/countries-50m.json');
    const topology = await response.json();
    const countries = unwrapAntimeridian(window.topojson.feature(topology, topology.objects.countries));
    L.geoJSON(countries, {
      interactive: false,
      style: { color: '#3b4a5e', weight: 0.8, fillColor: '#1b2533', fillOpacity: 1 },
    }).addTo(this.map);
    this.layer.eachLayer((m) => m.bringToFront());
  }

  render(events) {
    this.layer.clearLayers();
    this.markers.clear();
    const located = events.filter((e) => e.location);
    // Largest first so small markers stay clickable on top of big ones.
    located.sort((a, b) => (b.fatalities ?? 0) - (a.fatalities ?? 0));
    for (const event of located) {
      const marker = L.circleMarker([event.location.lat, event.location.lon], {
        radius: markerRadius(event.fatalities),
        color: event.articleIds.length > 1 ? '#f8fafc' : '#0b1220',
        weight: event.articleIds.length > 1 ? 2 : 1,
        fillColor: typeColour(event.type),
        fillOpacity: 0.78,
        className: 'event-marker',
      });
      marker.bindTooltip(this.tooltip(event), { direction: 'top', offset: [0, -6], className: 'event-tooltip' });
      marker.on('click', () => this.onSelect(event.id));
      marker.addTo(this.layer);
      marker.getElement()?.setAttribute('data-event-id', event.id);
      marker.getElement()?.setAttribute('data-type', event.type);
      this.markers.set(event.id, marker);
    }
    this.highlight(this.selectedId);
    if (!this.fitted && located.length) {
      this.fitted = true;
      const bounds = L.latLngBounds(located.map((e) => [e.location.lat, e.location.lon]));
      this.map.fitBounds(bounds.pad(0.35), { maxZoom: 7 });
    }
  }

  /** A DOM node, not an HTML string: Leaflet would parse a string as HTML. */
  tooltip(event) {
    return el(
      'div',
      {},
      el('strong', {}, event.subType || event.type),
      el('div', {}, `${event.location.name} · ${event.date ?? 'undated'}`),
      event.fatalities !== null ? el('div', {}, `${event.fatalities} killed${event.fatalitiesMax > event.fatalitiesMin ? ` (up to ${event.fatalitiesMax})` : ''}`) : null,
    );
  }

  highlight(id) {
    const previous = this.markers.get(this.selectedId);
    previous?.getElement()?.classList.remove('selected');
    this.selectedId = id;
    const marker = this.markers.get(id);
    if (marker) {
      marker.getElement()?.classList.add('selected');
      marker.bringToFront();
    }
  }

  focus(id) {
    const marker = this.markers.get(id);
    if (!marker) return;
    const target = marker.getLatLng();
    if (!this.map.getBounds().pad(-0.1).contains(target)) this.map.panTo(target);
  }

  invalidate() {
    this.map.invalidateSize();
  }
}
