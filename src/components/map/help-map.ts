/**
 * <help-map>: the map, loaded only once it is on screen (React, then Leaflet), so that the
 * list is usable first and pages whose map is never seen never load it. A custom element
 * rather than an Astro island: an island puts an inline <style> and <script> in the page's
 * body, which the HTML standard does not allow there (html-validate, element-permitted-content).
 * The map's code is not in the offline download (integrations/offline.ts): offline, on a device
 * that never showed a map, the map's section is hidden (the list says everything) and comes
 * back with the network.
 */
import type { HelpMapProps } from './MapIsland.tsx';

class HelpMap extends HTMLElement {
  connectedCallback(): void {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      this.load();
    });
    observer.observe(this);
  }

  private load(): void {
    const props = JSON.parse(this.dataset.props!) as HelpMapProps;
    const section = this.closest<HTMLElement>('[data-map-section]');
    import('./mount.tsx').then(
      ({ mountMap }) => mountMap(this, props),
      () => {
        if (!section || section.hidden) return;
        section.hidden = true;
        // Said apart from a section only waiting for its results (search-panel.ts): the link to it goes too (global.css).
        section.dataset.mapFailed = '';
        addEventListener(
          'online',
          () => {
            delete section.dataset.mapFailed;
            section.hidden = false;
            this.load();
          },
          { once: true },
        );
      },
    );
  }
}

customElements.define('help-map', HelpMap);
