/**
 * <widget-code>: the code a town hall copies to show its places on its own site. Written at
 * build with the public address when there is one; otherwise, here, with the address this page
 * is served at, so that the code never frames a site that is not there.
 */
import { siteHref } from '../site-url.ts';

class WidgetCode extends HTMLElement {
  connectedCallback(): void {
    const field = this.querySelector('textarea')!;
    // The public address when the page is served there; else where it is served (a copy, or not published yet).
    field.value = field.value.replace(/src="[^"]*"/, `src="${siteHref(this.dataset.path!)}"`);
    // On a phone, selecting a code by hand is hard: one tap selects it all, one button copies it.
    field.addEventListener('focus', () => field.select());
    const status = this.querySelector<HTMLElement>('[data-copy-status]');
    this.querySelector('[data-copy]')?.addEventListener('click', () => {
      const copied = () => {
        if (!status) return;
        // Emptied first: a second copy is said again.
        status.textContent = '';
        setTimeout(() => (status.textContent = this.dataset.copied ?? ''), 100);
      };
      const byHand = () => {
        // Without the clipboard's API (a page not served over https): the selection, copied.
        field.select();
        if (document.execCommand('copy')) copied();
      };
      if (navigator.clipboard) navigator.clipboard.writeText(field.value).then(copied, byHand);
      else byHand();
    });
  }
}

if (!customElements.get('widget-code')) customElements.define('widget-code', WidgetCode);
