import type { PlaceEntry } from '../directory.ts';
import { parsePhone } from '../phone.ts';
import type { MapPoint } from './config.ts';

/** A place as the map needs it (popups show the phone; the status is on the page itself). */
export function toMapPoint(place: PlaceEntry): MapPoint {
  const phone = place.contacts.phone ? parsePhone(place.contacts.phone) : null;
  return {
    id: place.id,
    name: place.name,
    lat: place.lat,
    lon: place.lon,
    kind: place.kind,
    ...(phone ? { phone: phone.display, dial: phone.dial } : {}),
  };
}
