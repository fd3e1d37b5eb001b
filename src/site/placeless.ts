/**
 * The communes without a known place (about 30,000 of 34,945): each still gets its page and
 * its widget, with the nearest help points and their distances, « Proposer un lieu », the
 * poster and the widget's code. Rendering 60,000 pages with Astro would cost about a minute of
 * build; instead Astro renders one template of each (src/pages/modele/) and the fragments of
 * every place once, and integrations/commune-pages.ts assembles the pages from this list
 * (placelessOf()).
 */
import { t } from '../i18n/index.ts';
import type { Directory, PlaceEntry } from '../lib/directory.ts';
import { formatDistance } from '../lib/format.ts';
import type { Nearby } from '../lib/nearest.ts';
import { areaDepartementUrl, departementUrl, epciUrl, regionUrl } from '../lib/routes.ts';
import type { Commune } from '../lib/reference.ts';
import { COMMUNE_AROUND, helpRank, posterView, WIDGET_MAX } from './pages.ts';
import { oncePerDirectory } from './data.ts';
import type { Territories } from './territories.ts';

/** Far from everything (overseas, islands): the nearest places still, up to this distance. */
export const PLACELESS_FALLBACK = { count: 3, km: 200 } as const;

/** A place of the list and its distance as written (« 12 km »). */
export type Near = [id: string, distance: string];

export interface PlacelessCommune {
  insee: string;
  slug: string;
  name: string;
  postcodes: string;
  departement: { code: string; name: string; href: string; area: string };
  region: { name: string; href: string };
  /** « Depuis le centre de …, le lieu d'aide le plus proche est à … » and the network's. */
  reach: string;
  epci: { name: string; href: string } | null;
  around: Near[];
  /** The poster's cards (A4 prints the first `a4.count`), and the places left on each paper. */
  poster: { cards: Near[]; a4: { count: number; more: number }; a3: { more: number } };
  widget: Near[];
}

/** The nearest places of a commune without its own: within 50 km, else the few nearest within 200 km. */
export function nearestTo(directory: Directory, commune: Pick<Commune, 'lat' | 'lon'>): Nearby<PlaceEntry>[] {
  const around = directory.nearest(commune, COMMUNE_AROUND.count, COMMUNE_AROUND.km, undefined, helpRank);
  return around.length > 0 ? around : directory.nearest(commune, PLACELESS_FALLBACK.count, PLACELESS_FALLBACK.km, undefined, helpRank);
}

export function placelessCommunes(directory: Directory, territories: Territories): PlacelessCommune[] {
  const written = (km: number) => formatDistance(t, km);
  const list: PlacelessCommune[] = [];
  for (const commune of directory.reference.communes.values()) {
    if (directory.communesByInsee.has(commune.insee)) continue;
    const departement = directory.reference.departements.get(commune.departementCode)!;
    const region = directory.reference.regions.get(commune.regionCode)!;
    const around = nearestTo(directory, commune);
    const reach = territories.rowOf(commune);
    const epci = territories.epcis.get(territories.territory.epciOf.get(commune.insee) ?? '');
    const poster = posterView(commune, [], around);
    // One row per place, that the page, the poster and the widget share: 30,000 communes keep them for the build.
    const rows = around.map(({ item, km }): Near => [item.id, written(km)]);
    const near = (id: string): Near => rows.find(([row]) => row === id)!;
    list.push({
      insee: commune.insee,
      slug: commune.slug,
      name: commune.name,
      postcodes: commune.postcodes.join(', '),
      departement: { code: departement.code, name: departement.name, href: departementUrl(departement), area: areaDepartementUrl(departement) },
      region: { name: region.name, href: regionUrl(region) },
      reach: [
        reach.km !== null ? t('commune.reach', { name: commune.name, distance: written(reach.km) }) : t('commune.reachNone'),
        reach.networkKm !== null ? t('commune.reachNetwork', { distance: written(reach.networkKm) }) : t('commune.noNetwork'),
      ].join(' '),
      epci: epci ? { name: epci.epci.name, href: epciUrl(epci.epci) } : null,
      around: rows,
      poster: { cards: poster.cards.map((card) => near(card.id)), a4: poster.a4, a3: { more: poster.a3.more } },
      widget: rows.length > WIDGET_MAX ? rows.slice(0, WIDGET_MAX) : rows,
    });
  }
  return list;
}

/** The places that appear on some page of a commune without its own: their fragments are rendered once. */
export function placesNearPlaceless(list: readonly PlacelessCommune[]): Set<string> {
  const ids = new Set<string>();
  for (const commune of list) for (const [id] of commune.around) ids.add(id);
  return ids;
}

/**
 * The list, computed once per build: the fragments' route and integrations/commune-pages.ts share
 * it (oncePerDirectory()). It went from one to the other as a JSON route before: 44 MB at 50,000
 * places, written, then read back whole, the build's highest memory. `territories` is asked only
 * when the list is not made yet.
 */
export function placelessOf(directory: Directory, territories: () => Territories): PlacelessCommune[] {
  return oncePerDirectory('placeless', directory, () => placelessCommunes(directory, territories()));
}

/** Where the templates and the list are written in the build, then removed (integrations/commune-pages.ts). */
export const TEMPLATE_DIR = 'modele';

/** Places per page of fragments (/modele/fragments/<part>/): each page is held twice while written, so small ones (2,000 before). */
export const FRAGMENTS_PER_PART = 500;

/** A placeholder of the templates: ⟦name⟧, filled with each commune's values. */
export const slot = (name: string): string => `⟦${name}⟧`;
