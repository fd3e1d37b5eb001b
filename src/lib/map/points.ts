/** A point on the map: the one shape that pages, the search and the map's own loading share. */
import type { Kind } from '../kinds.ts';
import { parsePhone } from '../phone.ts';

export interface MapPoint {
  id: string;
  name: string;
  lat: number;
  lon: number;
  kind: Kind;
  /** For the popup: the phone as read aloud and as dialled. */
  phone?: string;
  dial?: string;
  /** For the popup: the open status, in words. */
  status?: string;
  /** For "Ajouter à ma sélection": the département of its search file. */
  departement?: string;
}

/** Any place-like value (a directory entry, a decoded search row, a search result) as a map point. */
export function mapPoint(place: { id: string; name: string; lat: number; lon: number; kind: Kind; phone?: string | null | undefined; departement?: string }, status?: string): MapPoint {
  const phone = place.phone ? parsePhone(place.phone) : null;
  return {
    id: place.id,
    name: place.name,
    lat: place.lat,
    lon: place.lon,
    kind: place.kind,
    ...(phone ? { phone: phone.display, dial: phone.dial } : {}),
    ...(status ? { status } : {}),
    ...(place.departement ? { departement: place.departement } : {}),
  };
}
