/**
 * <qr-code>: keeps a printed QR code true to the address the page is served at. A code drawn
 * at build for the public address stays as it is when the page is served there. Otherwise (no
 * public address yet, a copy of the site elsewhere) the encoder is loaded when the page is idle,
 * and the code is drawn again when it comes near the screen or just before printing (every
 * browser fires `beforeprint`, printing to PDF included). Encoding a code holds a slow phone for
 * 50 to 170 ms: most visitors never scroll down to it, and then never pay for it.
 */
import { writtenUrl } from '../lib/orient/written-url.ts';
import { whenIdle } from '../lib/idle.ts';
import { siteHref } from './site-url.ts';

type Encoder = typeof import('../lib/orient/qr.ts');
let encoder: Promise<Encoder> | undefined;

class QrCodeElement extends HTMLElement {
  private qr: Encoder | undefined;
  private wanted = false;
  private observer: IntersectionObserver | undefined;
  private url = '';
  private readonly onPrint = () => {
    // Printed before the encoder came (a few seconds after the page opened): drawn for the next print.
    this.wanted = true;
    this.draw();
  };

  connectedCallback(): void {
    this.url = siteHref(this.dataset.path!);
    if (this.dataset.url === this.url) return;
    // The address under the code is written at once: it needs no encoder, and nothing moves when the code comes.
    const written = this.querySelector('[data-qr-written]')!;
    written.replaceChildren();
    writtenUrl(this.url).forEach((part, index) => {
      if (index > 0) written.append(document.createElement('wbr'));
      written.append(part);
    });
    addEventListener('beforeprint', this.onPrint);
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.wanted = true;
        this.draw();
      },
      { rootMargin: '300px 0px' },
    );
    this.observer.observe(this);
    whenIdle(() => {
      encoder ??= import('../lib/orient/qr.ts');
      void encoder.then((qr) => {
        this.qr = qr;
        // Ready to be drawn on paper (tests wait for it before printing).
        this.dataset.encoder = 'ready';
        if (this.wanted) this.draw();
      });
    });
  }

  disconnectedCallback(): void {
    removeEventListener('beforeprint', this.onPrint);
    this.observer?.disconnect();
  }

  /** Draws the code for this address, once the encoder is there; once only. */
  private draw(): void {
    if (!this.qr || this.dataset.url === this.url) return;
    this.observer?.disconnect();
    // The markup of qrSvg() holds only numbers and the escaped label: safe as HTML.
    this.querySelector('[data-qr-svg]')!.innerHTML = this.qr.qrSvg(this.url, this.dataset.label!);
    this.dataset.url = this.url;
  }
}

if (!customElements.get('qr-code')) customElements.define('qr-code', QrCodeElement);
