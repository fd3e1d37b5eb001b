/**
 * <share-links>: keeps the SMS, WhatsApp and e-mail links true at the moment they are used
 * (the next opening as a date), copies the link, and opens the phone's share sheet where the
 * browser has one. A list (<selection-page>) gives its message through `setMessage()`.
 */
import { clientTranslator, type Translate } from '../../i18n/translate.ts';
import { placeMessage, shareLinks, type SharedPlace } from '../../lib/orient/share.ts';
import { announce } from '../announce.ts';
import { siteHref } from '../site-url.ts';

export class ShareLinksElement extends HTMLElement {
  private t!: Translate;
  private message: { subject: string; body: string; url: string } | null = null;

  connectedCallback(): void {
    this.t = clientTranslator(this.dataset.i18n!);
    const system = this.querySelector<HTMLElement>('[data-share-system]');
    if (system && typeof navigator.share === 'function') system.hidden = false;
    // Written just before use: the next opening is the one of that moment.
    this.addEventListener('pointerdown', () => this.refresh());
    this.addEventListener('focusin', () => this.refresh());
    this.addEventListener('click', (event) => {
      const target = (event.target as Element).closest<HTMLElement>('[data-share]');
      if (!target) return;
      this.refresh();
      if (target.dataset.share === 'copy') void this.copy();
      if (target.dataset.share === 'system') void this.shareSheet();
    });
  }

  /** The message of a list, set by the page that builds it. */
  setMessage(subject: string, body: string, url: string): void {
    this.message = { subject, body, url };
    this.apply();
  }

  private refresh(): void {
    if (this.dataset.place) {
      const place = { ...(JSON.parse(this.dataset.place) as SharedPlace), url: siteHref(this.dataset.path!) };
      this.message = { subject: this.dataset.subject!, body: placeMessage(this.t, place, new Date()), url: place.url };
    }
    this.apply();
  }

  private apply(): void {
    if (!this.message) return;
    const links = shareLinks(this.message.subject, this.message.body);
    for (const [name, href] of Object.entries(links)) this.querySelector(`a[data-share="${name}"]`)?.setAttribute('href', href);
  }

  private say(text: string): void {
    announce(this.querySelector('[data-share-status]'), text);
  }

  private async copy(): Promise<void> {
    if (!this.message) return;
    const { url } = this.message;
    try {
      await navigator.clipboard.writeText(url);
      this.say(this.t('share.copied'));
    } catch {
      this.say(this.t('share.copyFailed', { url }));
    }
  }

  private async shareSheet(): Promise<void> {
    if (!this.message) return;
    try {
      await navigator.share({ title: this.message.subject, text: this.message.body });
    } catch {
      // Closed by the person: nothing to say.
    }
  }
}

if (!customElements.get('share-links')) customElements.define('share-links', ShareLinksElement);
