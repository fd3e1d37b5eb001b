/**
 * A small island: it renders a frame at once, and loads Leaflet (about 40 kB) with the map
 * only once the frame is on screen, so that the list is usable first and pages without a
 * map never load Leaflet.
 */
import { useEffect, useRef, useState, type ComponentType } from 'react';
import type { MapPoint, TileConfig } from '../../lib/map/config.ts';

export interface HelpMapProps {
  mode: 'static' | 'overview' | 'search';
  points?: MapPoint[];
  tiles: TileConfig;
  /** What the map shows, for screen readers. */
  label: string;
}

export function MapIsland(props: HelpMapProps) {
  const frame = useRef<HTMLDivElement>(null);
  const [Map, setMap] = useState<ComponentType<HelpMapProps & { visibleAt: number }> | null>(null);
  const [visibleAt] = useState(() => performance.now());
  const [failed, setFailed] = useState(false);

  useEffect(
    function loadMap() {
      let cancelled = false;
      import('./LeafletMap.tsx').then(
        (module) => !cancelled && setMap(() => module.LeafletMap),
        () => !cancelled && setFailed(true),
      );
      return () => {
        cancelled = true;
      };
    },
    [],
  );

  return (
    <div className="map-frame" ref={frame}>
      {Map ? (
        <Map {...props} visibleAt={visibleAt} />
      ) : (
        <p className="map-placeholder">{failed ? 'La carte n’a pas pu se charger. Les lieux sont dans la liste.' : 'Chargement de la carte…'}</p>
      )}
    </div>
  );
}

export default MapIsland;
