/** <open-status>: the status of a place, now, from its precomputed schedule; refreshed every minute. */
import { statusLabel } from '../i18n/hours-status.ts';
import { clientTranslator } from '../i18n/translate.ts';
import { statusAt } from '../lib/hours/status.ts';
import { intlReady } from './intl-ready.ts';
import type { Schedule } from '../lib/hours/types.ts';

class OpenStatus extends HTMLElement {
  private timer: ReturnType<typeof setInterval> | undefined;

  connectedCallback(): void {
    const words = this.dataset.i18n ?? this.closest<HTMLElement>('[data-status-words]')!.dataset.statusWords!;
    const t = clientTranslator(words);
    const schedule = JSON.parse(this.dataset.schedule!) as Schedule;
    const refresh = () => {
      const status = statusAt(schedule, new Date());
      this.dataset.state = status.state;
      this.textContent = statusLabel(t, status);
    };
    void intlReady().then(() => {
      if (!this.isConnected) return;
      refresh();
      clearInterval(this.timer);
      // A page left open keeps a true status.
      this.timer = setInterval(refresh, 60_000);
    });
  }

  disconnectedCallback(): void {
    clearInterval(this.timer);
  }
}

customElements.define('open-status', OpenStatus);
