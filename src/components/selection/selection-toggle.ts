/**
 * <selection-toggle data-entry="59.lieu-id" data-name="…">: "Ajouter à ma sélection" /
 * "Retirer de ma sélection", on place pages, result cards and map popups. Hidden without
 * JavaScript (the selection needs the device's storage).
 */
import { hasEntry, MAX_SELECTION, parseSelection, withEntry, withoutEntry } from '../../lib/orient/selection.ts';
import { readSelection, selectionWords, writeSelection } from './store.ts';

export class SelectionToggle extends HTMLElement {
  private button!: HTMLButtonElement;
  private readonly onChange = () => this.render();

  connectedCallback(): void {
    if (!this.button) {
      this.button = this.querySelector('button') ?? this.appendChild(Object.assign(document.createElement('button'), { type: 'button', className: 'button secondary' }));
      this.button.addEventListener('click', () => this.toggle());
    }
    document.addEventListener('selection:change', this.onChange);
    this.render();
  }

  disconnectedCallback(): void {
    document.removeEventListener('selection:change', this.onChange);
  }

  private get entry() {
    return parseSelection(this.dataset.entry)[0];
  }

  private render(): void {
    const entry = this.entry;
    const t = selectionWords();
    const kept = entry ? hasEntry(readSelection(), entry.id) : false;
    this.dataset.kept = String(kept);
    this.button.textContent = t(kept ? 'selection.remove' : 'selection.add');
    // The name tells apart the buttons of a list of results.
    if (this.dataset.name) this.button.setAttribute('aria-label', t('selection.itemAction', { action: this.button.textContent, name: this.dataset.name }));
  }

  private toggle(): void {
    const entry = this.entry;
    if (!entry) return;
    const t = selectionWords();
    const entries = readSelection();
    const name = this.dataset.name ?? '';
    if (hasEntry(entries, entry.id)) {
      const next = withoutEntry(entries, entry.id);
      writeSelection(next, t('selection.removed', { name, places: t('selection.count', { count: next.length }) }));
    } else if (entries.length >= MAX_SELECTION) {
      writeSelection(entries, t('selection.full', { count: MAX_SELECTION }));
    } else {
      const next = withEntry(entries, entry);
      writeSelection(next, t('selection.added', { name, places: t('selection.count', { count: next.length }) }));
    }
  }
}

if (!customElements.get('selection-toggle')) customElements.define('selection-toggle', SelectionToggle);
