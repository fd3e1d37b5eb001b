/**
 * <selection-count>, in the header of every page: "Ma sélection (3)", kept true when the
 * selection changes here or in another tab, and the live region that reads out each change.
 */
import './selection-toggle.ts';
import { announce } from '../announce.ts';
import { readSelection, selectionWords } from './store.ts';

class SelectionCount extends HTMLElement {
  connectedCallback(): void {
    const t = selectionWords();
    const label = this.querySelector('[data-label]')!;
    const live = this.querySelector('[data-live]')!;
    const show = (count: number) => {
      label.textContent = count > 0 ? t('selection.navCount', { count }) : t('selection.nav');
    };
    show(readSelection().length);
    document.addEventListener('selection:change', ({ detail }) => {
      show(detail.entries.length);
      announce(live, detail.message);
    });
  }
}

customElements.define('selection-count', SelectionCount);
