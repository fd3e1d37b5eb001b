/**
 * Map tiles. Default: IGN's « Plan IGN v2 » from the Géoplateforme, the French State's public
 * map service: free, without key, under Licence Ouverte, meant for public-service sites (the
 * OpenStreetMap Foundation's own tile servers forbid heavy or offline use). Any XYZ source can
 * replace it at build time: PUBLIC_TILE_URL, PUBLIC_TILE_ATTRIBUTION (and PUBLIC_TILE_ORIGIN
 * for the Content-Security-Policy, in astro.config.mjs).
 */
export const DEFAULT_TILE_URL =
  'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}';
export const DEFAULT_TILE_ATTRIBUTION = '© <a href="https://www.ign.fr/">IGN</a> – Géoplateforme';
export const DEFAULT_TILE_ORIGIN = 'https://data.geopf.fr';

export interface TileConfig {
  url: string;
  attribution: string;
}
