/** <printed-on>: "Imprimé le …", today's date in words on the device's clock, refreshed just before printing. */
import { clientTranslator, type Translate } from '../i18n/translate.ts';
import { formatDate } from '../lib/format.ts';
import { wallClock } from '../lib/dates.ts';

class PrintedOn extends HTMLElement {
  private t!: Translate;
  private readonly write = () => {
    const today = wallClock(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone).date;
    this.textContent = this.t('print.printedOn', { date: formatDate(today) });
  };

  connectedCallback(): void {
    this.t = clientTranslator(this.dataset.i18n!);
    this.write();
    addEventListener('beforeprint', this.write);
  }

  disconnectedCallback(): void {
    removeEventListener('beforeprint', this.write);
  }
}

customElements.define('printed-on', PrintedOn);
