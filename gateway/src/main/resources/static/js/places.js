// The county's towns and villages (data/places.json): the registration forms offer them as choices, and a village
// gives the collection point and a first position for the worker's home.

let places;

export async function loadPlaces() {
  if (!places) {
    const response = await fetch('/data/places.json');
    places = await response.json();
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
