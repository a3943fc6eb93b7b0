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
  const named = new Set();
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
      const marker = L.circleMarker([stop.place.lat, stop.place.lon], {radius: pickup ? 6 : 8, color: colour,
        weight: 3, fillColor: pickup ? colour : '#fff', fillOpacity: 1}).addTo(map);
      const words = `${n + 1}. ${stop.place.name} · ${time(stop.time)} · ${t(pickup ? 'trip.pickup' : 'trip.dropOff')}`;
      // With no map underneath, the destinations are named on the map itself, each city once (two sites in one
      // city would print its name twice over itself).
      if (pickup) {
        marker.bindTooltip(words);
      } else if (named.has(stop.place.city)) {
        marker.bindTooltip(words);
      } else {
        named.add(stop.place.city);
        marker.bindTooltip(stop.place.city, {permanent: true, direction: 'right', className: 'map-label'});
      }
    });
    bounds.push(...path(trip));
  });
  const pickups = trips.flatMap(trip => trip.stops.filter(s => s.kind === 'PICKUP')
    .map(s => [s.place.lat, s.place.lon]));
  let view = bounds;
  const fit = (animate = false) => {
    // Room for the zoom buttons on the left and the destinations' names on the right.
    if (view.length) {
      map.fitBounds(view, {paddingTopLeft: [56, 30], paddingBottomRight: [70, 30], maxZoom: 13, animate});
    } else {
      map.setView([33.14, 116.21], 10, {animate});
    }
  };
  fit();
  if (pickups.length) {
    // The villages lie a few kilometres apart and the sites hundreds away: one button for each view.
    const Views = L.Control.extend({
      onAdd() {
        const box = L.DomUtil.create('div', 'leaflet-bar map-views');
        [['whole', t('trip.viewWhole'), bounds], ['pickups', t('trip.viewPickups'), pickups]].forEach(
          ([name, words, points]) => {
            const a = L.DomUtil.create('a', `map-view-${name}`, box);
            a.href = '#';
            a.setAttribute('role', 'button');
            a.textContent = words;
            L.DomEvent.on(a, 'click', event => {
              L.DomEvent.preventDefault(event);
              L.DomEvent.stopPropagation(event);
              view = points;
              fit(true);
            });
          });
        return box;
      },
    });
    new Views({position: 'topright'}).addTo(map);
  }
  // A phone turned sideways, or a desk window resized: keep the chosen view filling the box. Without animation: a
  // map removed in the middle of a zoom animation throws from Leaflet's transition handler.
  const observer = new ResizeObserver(() => {
    map.invalidateSize();
    fit();
  });
  observer.observe(el);
  return () => {
    observer.disconnect();
    map.stop();
    map.remove();
  };
}

/** A key to the colours, one entry per trip. */
export function routeLegend(trips) {
  return h('p.trip-legend', trips.map((trip, i) => h('span', h('span.swatch', {style: {background: colourOf(i)}}),
    trip.plate)), h('span', h('span.swatch', {style: {background: '#fff', border: '2px solid #555', borderRadius:
    '50%'}}), t('trip.dropOffKey')));
}
