// Bus routes drawn with Leaflet as lines and points only: no map tiles, so it works offline and in a village
// office with no internet beyond the gateway.

import {h} from './dom.js';
import {t, time} from './i18n.js';
import {leaflet} from './libs.js';

export const ROUTE_COLOURS = ['#2764a8', '#c2410c', '#2f7d4f', '#7c3aed', '#b91c1c', '#0e7490', '#a16207',
  '#be185d', '#4d7c0f', '#1e3a8a'];

export function colourOf(index) {
  return ROUTE_COLOURS[index % ROUTE_COLOURS.length];
}

/** The depot, then every stop in order. */
function path(trip) {
  return [[trip.depotLat, trip.depotLon], ...trip.stops.map(s => [s.place.lat, s.place.lon])];
}

/**
 * Draws the trips into el (which must already be in the page). Answers a function that removes the map. With
 * onSelect, clicking a route calls it with the trip.
 */
export async function drawRoutes(el, trips, {onSelect} = {}) {
  const L = await leaflet();
  const map = L.map(el, {attributionControl: false, zoomSnap: 0.25, scrollWheelZoom: false, preferCanvas: false});
  L.control.scale({imperial: false}).addTo(map);
  const bounds = [];
  trips.forEach((trip, i) => {
    const colour = colourOf(i);
    const line = L.polyline(path(trip), {color: colour, weight: 4, opacity: .85,
      dashArray: trip.status === 'CANCELLED' ? '6 6' : null}).addTo(map);
    line.bindTooltip(`${trip.plate}`, {sticky: true});
    if (onSelect) line.on('click', () => onSelect(trip));
    L.circleMarker([trip.depotLat, trip.depotLon], {radius: 5, color: '#333', weight: 2, fillColor: '#fff',
      fillOpacity: 1}).bindTooltip(t('trip.depot')).addTo(map);
    trip.stops.forEach((stop, n) => {
      const pickup = stop.kind === 'PICKUP';
      L.circleMarker([stop.place.lat, stop.place.lon], {radius: pickup ? 6 : 8, color: colour, weight: 3,
        fillColor: pickup ? colour : '#fff', fillOpacity: 1})
        .bindTooltip(`${n + 1}. ${stop.place.name} · ${time(stop.time)} · ${t(pickup ? 'trip.pickup' : 'trip.dropOff')}`)
        .addTo(map);
    });
    bounds.push(...path(trip));
  });
  if (bounds.length) map.fitBounds(bounds, {padding: [18, 18]});
  else map.setView([33.14, 116.21], 10);
  return () => map.remove();
}

/** A key to the colours, one entry per trip. */
export function routeLegend(trips) {
  return h('p.trip-legend', trips.map((trip, i) => h('span', h('span.swatch', {style: {background: colourOf(i)}}),
    trip.plate)), h('span', h('span.swatch', {style: {background: '#fff', border: '2px solid #555', borderRadius:
    '50%'}}), t('trip.dropOffKey')));
}
