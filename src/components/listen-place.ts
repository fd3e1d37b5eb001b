/** <listen-place>: the « Écouter » button of a place's page (see ./listen.ts). Its status is read from the page's <open-status>, as shown. */
import { clientTranslator } from '../i18n/translate.ts';
import { listenButton } from './listen.ts';

class ListenPlace extends HTMLElement {
  connectedCallback(): void {
    const t = clientTranslator(this.dataset.i18n!);
    const button = listenButton(t, () =>
      [
        this.dataset.name!,
        document.querySelector('open-status')?.textContent?.trim() ?? '',
        // What to know before going, said as a list: « · » is no word.
        (this.dataset.conditions ?? '').replaceAll(' · ', ', '),
        this.dataset.address ? t('listen.address', { address: this.dataset.address }) : '',
        this.dataset.phone ? t('listen.phone', { digits: this.dataset.phone }) : '',
      ].filter(Boolean),
    );
    if (button) this.replaceChildren(button);
  }
}

if (!customElements.get('listen-place')) customElements.define('listen-place', ListenPlace);
