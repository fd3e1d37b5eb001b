/**
 * Reference data: every French commune (COG code, name, postcodes, centroid), département
 * and région. Carried in data/reference/ from geo.api.gouv.fr (see its PROVENANCE.md).
 */
import { parse } from 'csv-parse/sync';
import { slugify } from './text.ts';

export interface Region {
  code: string;
  name: string;
  slug: string;
}

export interface Departement {
  code: string;
  name: string;
  slug: string;
  regionCode: string;
}

export interface Commune {
  insee: string;
  name: string;
  slug: string;
  postcodes: string[];
  departementCode: string;
  regionCode: string;
  lat: number;
  lon: number;
}

export interface Reference {
  communes: Map<string, Commune>;
  departements: Map<string, Departement>;
  regions: Map<string, Region>;
}

export interface ReferenceCsv {
  communes: string;
  departements: string;
  regions: string;
}

type Row = Record<string, string>;

function rows(csv: string): Row[] {
  return parse<Row>(csv, { columns: true, skip_empty_lines: true, trim: true });
}

export function parseReference(csv: ReferenceCsv): Reference {
  const regions = new Map<string, Region>();
  for (const row of rows(csv.regions)) {
    regions.set(row.code!, { code: row.code!, name: row.nom!, slug: slugify(row.nom!) });
  }
  const departements = new Map<string, Departement>();
  for (const row of rows(csv.departements)) {
    departements.set(row.code!, {
      code: row.code!,
      name: row.nom!,
      slug: slugify(row.nom!),
      regionCode: row.region_code!,
    });
  }
  const communes = new Map<string, Commune>();
  for (const row of rows(csv.communes)) {
    communes.set(row.code!, {
      insee: row.code!,
      name: row.nom!,
      slug: slugify(row.nom!),
      postcodes: row
        .codes_postaux!.split(',')
        .map((code) => code.trim())
        .filter(Boolean),
      departementCode: row.departement_code!,
      regionCode: row.region_code!,
      lat: Number(row.latitude),
      lon: Number(row.longitude),
    });
  }
  return { communes, departements, regions };
}
