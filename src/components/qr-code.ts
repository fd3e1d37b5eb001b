/**
 * <qr-code>: keeps a printed QR code true to the address the page is served at. A code drawn
 * at build for the public address stays as it is when the page is served there; otherwise
 * (no public address yet, a copy of the site elsewhere) the encoder is loaded when the page
 * is idle and the code drawn again, before anyone prints.
 */
import { siteHref } from './site-url.ts';

type Encoder = typeof import('../lib/orient/qr.ts');
let encoder: Promise<Encoder> | undefined;

class QrCodeElement extends HTMLElement {
  connectedCallback(): void {
    const url = siteHref(this.dataset.path!);
    if (this.dataset.url === url) return;
    const idle = (task: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(task) : setTimeout(task, 200));
    idle(() => {
      encoder ??= import('../lib/orient/qr.ts');
      void encoder.then((qr) => this.draw(qr, url));
    });
  }

  private draw(qr: Encoder, url: string): void {
    // The markup of qrSvg() holds only numbers and the escaped label: safe as HTML.
    this.querySelector('[data-qr-svg]')!.innerHTML = qr.qrSvg(url, this.dataset.label!);
    const written = this.querySelector('[data-qr-written]')!;
    written.replaceChildren();
    qr.writtenUrl(url).forEach((part, index) => {
      if (index > 0) written.append(document.createElement('wbr'));
      written.append(part);
    });
    this.dataset.url = url;
  }
}

if (!customElements.get('qr-code')) customElements.define('qr-code', QrCodeElement);
