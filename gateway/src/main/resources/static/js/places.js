// The county's towns and villages with their collection points, from employment-service (GET /api/places, open to
// all): the registration forms offer them as choices, a village gives the collection point and a first position
// for the worker's home, and a self-registration naming anything else is refused by the service.

import {get} from './api.js';

let places;

export async function loadPlaces() {
  if (!places) {
    places = get('/api/places', {anonymous: true}).catch(error => {
      places = null;
      throw error;
    });
  }
  return places;
}

export function towns(data, county) {
  const c = data.counties.find(x => x.name === county) || data.counties[0];
  return c ? c.towns : [];
}

export function villages(data, county, town) {
  const found = towns(data, county).find(x => x.name === town);
  return found ? found.villages : [];
}

export function village(data, county, town, name) {
  return villages(data, county, town).find(v => v.name === name) || null;
}
