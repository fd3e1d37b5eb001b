/** Mounts the map's React tree in its <help-map> element (see ./help-map.ts). */
import { createRoot } from 'react-dom/client';
import { MapIsland, type HelpMapProps } from './MapIsland.tsx';

export function mountMap(element: HTMLElement, props: HelpMapProps): void {
  createRoot(element).render(<MapIsland {...props} />);
}
