/** <printed-on>: "Imprimé le …", today's date in words, refreshed just before printing. */
import { createTranslator } from '../i18n/translate.ts';
import { formatDate } from '../lib/format.ts';

class PrintedOn extends HTMLElement {
  private readonly write = () => {
    const t = createTranslator(JSON.parse(this.dataset.i18n!) as Record<string, string>);
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    this.textContent = t('print.printedOn', { date: formatDate(today) });
  };

  connectedCallback(): void {
    this.write();
    addEventListener('beforeprint', this.write);
  }

  disconnectedCallback(): void {
    removeEventListener('beforeprint', this.write);
  }
}

customElements.define('printed-on', PrintedOn);
