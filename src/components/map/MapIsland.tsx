/**
 * The map's React tree: it renders a frame at once, and loads Leaflet (about 40 kB) with the map
 * only once the frame is on screen, so that the list is usable first and pages without a
 * map never load Leaflet.
 */
import { useEffect, useState, type ComponentType } from 'react';
// Leaflet's styles (4 kB gzip) come with the map, not in every page's head: most visits never see a map.
import leafletStyles from 'leaflet/dist/leaflet.css?url';
import type { TileConfig } from '../../lib/map/config.ts';
import type { MapPoint } from '../../lib/map/points.ts';

export interface HelpMapProps {
  mode: 'static' | 'overview' | 'search';
  /** On a place's page, that place: marked and named on the map. */
  current?: string;
  points?: MapPoint[];
  tiles: TileConfig;
  /** What the map shows, for screen readers. */
  label: string;
  /** The map's words (the `map.` part of the dictionary and the kinds). */
  words: Record<string, string>;
}

export function MapIsland(props: HelpMapProps) {
  const [Map, setMap] = useState<ComponentType<HelpMapProps> | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(function loadMap() {
    let cancelled = false;
    Promise.all([import('./LeafletMap.tsx'), stylesheet(leafletStyles)]).then(
      ([module]) => !cancelled && setMap(() => module.LeafletMap),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  return <div className="map-frame">{Map ? <Map {...props} /> : <p className="map-placeholder">{props.words[failed ? 'map.failed' : 'map.loading']}</p>}</div>;
}

/** A stylesheet added to the page once, resolved when it applies (so the map is never drawn unstyled). */
function stylesheet(href: string): Promise<void> {
  const present = document.querySelector<HTMLLinkElement>(`link[rel="stylesheet"][href="${href}"]`);
  if (present?.sheet) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const link = present ?? Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => reject(new Error(`stylesheet ${href}`)), { once: true });
    if (!present) document.head.append(link);
  });
}
