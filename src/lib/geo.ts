export interface LatLon {
  lat: number;
  lon: number;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: LatLon, b: LatLon): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

interface Territory {
  id: string;
  south: number;
  north: number;
  west: number;
  east: number;
}

/**
 * Generous bounding boxes of metropolitan France and of every overseas territory.
 * A point outside all of them is a data error (often swapped or mistyped coordinates).
 */
export const TERRITORIES: readonly Territory[] = [
  { id: 'metropole', south: 41.3, north: 51.2, west: -5.3, east: 9.7 },
  { id: 'guadeloupe', south: 15.8, north: 16.6, west: -61.9, east: -60.9 },
  { id: 'martinique', south: 14.35, north: 14.95, west: -61.3, east: -60.75 },
  { id: 'guyane', south: 2.0, north: 6.0, west: -54.7, east: -51.5 },
  { id: 'reunion', south: -21.45, north: -20.8, west: 55.15, east: 55.9 },
  { id: 'mayotte', south: -13.1, north: -12.55, west: 44.95, east: 45.35 },
  { id: 'saint-pierre-et-miquelon', south: 46.7, north: 47.2, west: -56.5, east: -56.1 },
  { id: 'saint-barthelemy-saint-martin', south: 17.85, north: 18.15, west: -63.2, east: -62.75 },
  { id: 'wallis-et-futuna', south: -14.4, north: -13.1, west: -178.3, east: -176.0 },
  { id: 'polynesie', south: -28.0, north: -7.0, west: -155.0, east: -134.0 },
  { id: 'nouvelle-caledonie', south: -23.0, north: -19.0, west: 163.0, east: 168.5 },
];

export function territoryOf(point: LatLon): Territory | undefined {
  return TERRITORIES.find((t) => point.lat >= t.south && point.lat <= t.north && point.lon >= t.west && point.lon <= t.east);
}

/** IANA time zone of a département: opening hours are local wall-clock times. */
export function timeZoneOfDepartement(code: string): string {
  return DEPARTEMENT_TIME_ZONES[code] ?? 'Europe/Paris';
}

const DEPARTEMENT_TIME_ZONES: Record<string, string> = {
  '971': 'America/Guadeloupe',
  '972': 'America/Martinique',
  '973': 'America/Cayenne',
  '974': 'Indian/Reunion',
  '975': 'America/Miquelon',
  '976': 'Indian/Mayotte',
  '977': 'America/St_Barthelemy',
  '978': 'America/Marigot',
  '986': 'Pacific/Wallis',
  '987': 'Pacific/Tahiti',
  '988': 'Pacific/Noumea',
};
