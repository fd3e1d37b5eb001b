/**
 * <printed-on>: "Imprimé le …", today's date in words on the device's clock, written just before
 * printing (every browser fires `beforeprint`, printing to PDF included): it shows on paper only,
 * and a page need not load the date formats (a long task on a slow phone) for it.
 */
import { clientTranslator, type Translate } from '../i18n/translate.ts';
import { formatDate, oneFullStop } from '../lib/format.ts';
import { wallClock } from '../lib/dates.ts';

class PrintedOn extends HTMLElement {
  private t!: Translate;
  private readonly write = () => {
    const today = wallClock(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone).date;
    this.textContent = oneFullStop(this.t('print.printedOn', { date: formatDate(today, this.t.locale) }));
  };

  connectedCallback(): void {
    this.t = clientTranslator(this.dataset.i18n!);
    addEventListener('beforeprint', this.write);
  }

  disconnectedCallback(): void {
    removeEventListener('beforeprint', this.write);
  }
}

customElements.define('printed-on', PrintedOn);
