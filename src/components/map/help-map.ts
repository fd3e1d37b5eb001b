/**
 * <help-map>: the map, loaded only once it is on screen (React, then Leaflet), so that the
 * list is usable first and pages whose map is never seen never load it. A custom element
 * rather than an Astro island: an island puts an inline <style> and <script> in the page's
 * body, which the HTML standard does not allow there (html-validate, element-permitted-content).
 */
import type { HelpMapProps } from './MapIsland.tsx';

class HelpMap extends HTMLElement {
  connectedCallback(): void {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      const props = JSON.parse(this.dataset.props!) as HelpMapProps;
      void import('./mount.tsx').then(({ mountMap }) => mountMap(this, props));
    });
    observer.observe(this);
  }
}

customElements.define('help-map', HelpMap);
