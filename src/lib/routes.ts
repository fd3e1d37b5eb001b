/**
 * Every URL of the site, in one place: pages, the search and the map link with these, never
 * with an inline template. Paths end with a slash (trailingSlash: 'always').
 */
import { entryOf, entryToken, SELECTION_PARAM } from './orient/selection.ts';
import type { Commune, Departement, Region } from './reference.ts';

/** URL path segment of a commune page: INSEE code first, so that homonyms never collide. */
export function communeKey(commune: Pick<Commune, 'insee' | 'slug'>): string {
  return `${commune.insee}-${commune.slug}`;
}

export function departementKey(departement: Pick<Departement, 'code' | 'slug'>): string {
  return `${departement.code.toLowerCase()}-${departement.slug}`;
}

export function regionKey(region: Pick<Region, 'code' | 'slug'>): string {
  return `${region.code}-${region.slug}`;
}

export const HOME_URL = '/';
export const SEARCH_URL = '/recherche/';
export const SERVICES_URL = '/services/';
export const CHARTER_URL = '/charte/';
export const ABOUT_URL = '/a-propos/';
export const DATA_URL = '/donnees/';
/** « Mises à jour des données »: each import and refresh, with its counts. */
export const UPDATES_URL = '/donnees/mises-a-jour/';
export const ACCESSIBILITY_URL = '/accessibilite/';
/** Orienting someone: the step-by-step search, and the places kept to print or send. */
export const ORIENT_URL = '/orienter/';
export const SELECTION_URL = '/selection/';
/** Shown offline in place of a page never visited. */
export const OFFLINE_URL = '/hors-ligne/';
/** The service worker and the web app manifest (see src/offline/). */
export const SW_URL = '/sw.js';
export const MANIFEST_URL = '/manifest.webmanifest';

export const placeUrl = (id: string): string => `/lieux/${id}/`;
export const communeUrl = (commune: Pick<Commune, 'insee' | 'slug'>): string => `/communes/${communeKey(commune)}/`;
export const departementUrl = (departement: Pick<Departement, 'code' | 'slug'>): string => `/departements/${departementKey(departement)}/`;
export const regionUrl = (region: Pick<Region, 'code' | 'slug'>): string => `/regions/${regionKey(region)}/`;
export const serviceUrl = (id: string): string => `${SERVICES_URL}${id}/`;
/** A service's places in one département, commune by commune (a service's page links there when it has too many places to list). */
export const serviceDepartementUrl = (id: string, departement: Pick<Departement, 'code' | 'slug'>): string => `${SERVICES_URL}${id}/${departementKey(departement)}/`;
/** For town halls, intercommunalities and départements: checklists and who is far from help. */
export const AREAS_URL = '/collectivites/';
export const areaDepartementUrl = (departement: Pick<Departement, 'code' | 'slug'>): string => `${AREAS_URL}departements/${departementKey(departement)}/`;
export const epciUrl = (epci: { siren: string; slug: string }): string => `${AREAS_URL}epci/${epci.siren}-${epci.slug}/`;
/** The commune's places made to be framed on the town's own site, and its data files. */
export const widgetUrl = (commune: Pick<Commune, 'insee' | 'slug'>): string => `/integrer/${communeKey(commune)}/`;
export const communeDataFiles = (commune: Pick<Commune, 'insee'>) => ({ csv: `${DATA_FILES.communes}${commune.insee}.csv`, json: `${DATA_FILES.communes}${commune.insee}.json` }) as const;
/** Correcting a place, or proposing a new one (no `id`); signing the charter. */
export const CORRECTION_URL = '/corriger/';
/** The parameter names the place as a selection entry does (`59.point-fictif`): its département's file holds its record. */
export const CORRECTION_PARAM = 'lieu';
export const correctionUrl = (place?: { id: string; insee: string }): string => (place ? `${CORRECTION_URL}?${CORRECTION_PARAM}=${entryToken(entryOf(place.id, place.insee))}` : CORRECTION_URL);
/** The current records of a département's places, read by the correction form. */
export const correctionRecordsUrl = (departement: string): string => `${CORRECTION_URL}lieux/${departement.toLowerCase()}.json`;
export const CHARTER_SIGN_URL = '/charte/signer/';
/** A selection carried by a link (see orient/selection.ts). */
export const selectionUrl = (serialized: string): string => (serialized ? `${SELECTION_URL}?${SELECTION_PARAM}=${serialized}` : SELECTION_URL);
export const searchUrl = (params?: URLSearchParams): string => (params && params.size > 0 ? `${SEARCH_URL}?${params}` : SEARCH_URL);

/** The static files of the search (see search/data.ts) and of the map. */
export const SEARCH_FILES = {
  meta: '/recherche/meta.json',
  communes: (file: string) => `/recherche/communes/${file}.json`,
  postcodes: (prefix: string) => `/recherche/codes-postaux/${prefix}.json`,
  places: (departement: string) => `/recherche/lieux/${departement.toLowerCase()}.json`,
  outline: '/carte/departements.geojson',
} as const;

/** The open-data files. */
export const DATA_FILES = { csv: '/donnees/lieux.csv', json: '/donnees/lieux.json', geojson: '/donnees/lieux.geojson', communes: '/donnees/communes/' } as const;

/**
 * The languages' folders: French at the root, each other language under its own folder, the
 * easy-to-read French under /facile/. Only the pages a person needs to find help exist in every
 * language (LOCALIZED_PATHS); a place's details are one page per language that reads the place
 * from the search files (`/en/lieu/?lieu=59.ccas-de-roubaix`), not 8,000 pages per language.
 */
export const LOCALE_ROOTS: Readonly<Record<string, string>> = { 'fr-falc': 'facile', ar: 'ar', fa: 'fa', ps: 'ps', uk: 'uk', ru: 'ru', en: 'en' };

/** The languages of the site: how each was made, whether a native speaker reviewed it, how to report a wrong word. */
export const LANGUAGES_URL = '/langues/';

/** The pages every language has (French paths). */
export const LOCALIZED_PATHS = [HOME_URL, SEARCH_URL, ORIENT_URL, SELECTION_URL, OFFLINE_URL, LANGUAGES_URL, ACCESSIBILITY_URL] as const;

/** A place's details in another language: one page, the place named in its query. */
export const PLACE_VIEW_PATH = '/lieu/';

const LOCALE_OF_ROOT = new Map(Object.entries(LOCALE_ROOTS).map(([code, root]) => [root, code]));

/** The language of a page, from its path: its first folder when it is a language's. */
export function localeOfPath(path: string): string {
  const first = path.split('/', 2)[1] ?? '';
  return LOCALE_OF_ROOT.get(first) ?? 'fr';
}

/** The path without its language folder: the French page it is the translation of. */
export function frenchPath(path: string): string {
  const code = localeOfPath(path);
  return code === 'fr' ? path : path.slice(LOCALE_ROOTS[code]!.length + 1) || '/';
}

/**
 * The same page in another language, when that language has it: French paths of
 * LOCALIZED_PATHS and place pages; null otherwise (the page exists in French only).
 */
export function localizedPath(path: string, code: string, search = ''): string | null {
  const french = frenchPath(path);
  if (code === 'fr') {
    if (french === PLACE_VIEW_PATH) {
      const entry = new URLSearchParams(search).get(CORRECTION_PARAM);
      const id = entry?.split('.').slice(1).join('.');
      return id ? placeUrl(id) : HOME_URL;
    }
    return `${french}${search}`;
  }
  const root = `/${LOCALE_ROOTS[code]}`;
  if ((LOCALIZED_PATHS as readonly string[]).includes(french) || french === PLACE_VIEW_PATH) return `${root}${french}${search}`;
  return null;
}

/** A place's details in a language: its French page, or the language's place view. */
export function placeUrlIn(code: string, place: { id: string; insee: string }): string {
  return placeViewUrl(code, entryOf(place.id, place.insee));
}

/** The same, for a place known by its search file (its département) rather than its commune. */
export function placeViewUrl(code: string, place: { id: string; departement: string }): string {
  return code === 'fr' ? placeUrl(place.id) : `/${LOCALE_ROOTS[code]}${PLACE_VIEW_PATH}?${CORRECTION_PARAM}=${entryToken(place)}`;
}

/** The words of paper and messages in a language (src/pages/mots/). */
export const paperWordsUrl = (code: string): string => `/mots/${code}.json`;

/** The home page of a language. */
export const homeIn = (code: string): string => (code === 'fr' ? HOME_URL : `/${LOCALE_ROOTS[code]}/`);
