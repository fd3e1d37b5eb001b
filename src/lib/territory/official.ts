/**
 * The official reference of French territories, `@etalab/decoupage-administratif` (INSEE's
 * code officiel géographique and légal populations): each commune's population and its
 * intercommunality (EPCI). Build time only: the package's files (8 MB and 4 MB) are read from
 * disk once, when first needed, never bundled. See data/reference/PROVENANCE.md.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { slugify } from '../text.ts';

/** An entry of the package's communes.json, as far as we read it. */
export interface OfficialCommune {
  code: string;
  nom: string;
  type: string;
  commune?: string;
  /** For a delegated or associated commune: the commune it belongs to today. */
  chefLieu?: string;
  codesPostaux?: string[];
  population?: number;
}

interface OfficialEpci {
  code: string;
  nom: string;
  type: string;
  membres: { code: string }[];
}

/** An intercommunality: métropole, communauté urbaine, d'agglomération or de communes. */
export interface Epci {
  /** Its SIREN number, nine digits. */
  siren: string;
  name: string;
  slug: string;
  /** ME, CU, CA or CC. */
  type: string;
  /** INSEE codes of its member communes. */
  members: string[];
}

export interface Territory {
  /** Légal population by INSEE code (communes only; absent when the package has none). */
  population: Map<string, number>;
  epcis: Map<string, Epci>;
  /** The EPCI (SIREN) of each member commune. */
  epciOf: Map<string, string>;
}

const read = <T>(name: string): T => JSON.parse(readFileSync(createRequire(import.meta.url).resolve(`@etalab/decoupage-administratif/data/${name}`), 'utf8')) as T;

let communes: OfficialCommune[] | undefined;

/** Every entry of the official communes file (communes, arrondissements, delegated communes). */
export function officialCommunes(): OfficialCommune[] {
  communes ??= read<OfficialCommune[]>('communes.json');
  return communes;
}

/** Populations and EPCIs from the official lists (built from their entries, for tests too). */
export function territoryFrom(entries: readonly OfficialCommune[], epciEntries: readonly OfficialEpci[]): Territory {
  const population = new Map<string, number>();
  for (const entry of entries) {
    if (entry.type === 'commune-actuelle' && typeof entry.population === 'number') population.set(entry.code, entry.population);
  }
  const epcis = new Map<string, Epci>();
  const epciOf = new Map<string, string>();
  for (const entry of epciEntries) {
    const members = entry.membres.map((member) => member.code);
    epcis.set(entry.code, { siren: entry.code, name: entry.nom, slug: slugify(entry.nom), type: entry.type, members });
    for (const member of members) epciOf.set(member, entry.code);
  }
  return { population, epcis, epciOf };
}

let territory: Territory | undefined;

export function officialTerritory(): Territory {
  territory ??= territoryFrom(officialCommunes(), read<OfficialEpci[]>('epci.json'));
  return territory;
}

/** A name a commune had before it merged into another: a commune déléguée or associée. */
export interface FormerName {
  name: string;
  /** INSEE code of the commune it belongs to today. */
  insee: string;
}

/**
 * Old names people still use ("Cherbourg-Octeville", "Bellegarde-sur-Valserine"): the delegated
 * and associated communes of the official list, each with the commune it belongs to today.
 * A name equal to today's name (the seat of a merger often keeps it) says nothing new.
 */
export function formerNamesFrom(entries: readonly OfficialCommune[]): FormerName[] {
  const current = new Map(entries.filter((entry) => entry.type === 'commune-actuelle').map((entry) => [entry.code, entry.nom]));
  const names: FormerName[] = [];
  for (const entry of entries) {
    if (entry.type !== 'commune-deleguee' && entry.type !== 'commune-associee') continue;
    const today = entry.chefLieu ? current.get(entry.chefLieu) : undefined;
    if (today && today !== entry.nom) names.push({ name: entry.nom, insee: entry.chefLieu! });
  }
  return names;
}

let formerNames: FormerName[] | undefined;

export function officialFormerNames(): FormerName[] {
  formerNames ??= formerNamesFrom(officialCommunes());
  return formerNames;
}
