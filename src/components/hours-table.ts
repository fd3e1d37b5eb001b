/** <hours-table>: marks today's row, in the place's time zone (not the visitor's). */
import { clientTranslator } from '../i18n/translate.ts';
import { wallClock, weekdayOf } from '../lib/dates.ts';
import { intlReady } from './intl-ready.ts';

class HoursTable extends HTMLElement {
  connectedCallback(): void {
    void intlReady().then(() => this.markToday());
  }

  private markToday(): void {
    const t = clientTranslator(this.dataset.i18n!);
    const weekday = weekdayOf(wallClock(new Date(), this.dataset.tz!).date);
    for (const row of this.querySelectorAll<HTMLTableRowElement>('tr[data-weekday]')) {
      const isToday = Number(row.dataset.weekday) === weekday;
      row.classList.toggle('today', isToday);
      const marker = row.querySelector('[data-today]');
      if (marker) marker.textContent = isToday ? t('hours.todayMarker') : '';
    }
  }
}

customElements.define('hours-table', HoursTable);
