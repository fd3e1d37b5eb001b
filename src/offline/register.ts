/**
 * <app-notice>, on every page: registers the service worker (any first visit makes the site
 * work offline, see ./sw.ts) and tells the person, in plain words, what it means for them:
 * - the first time the worker is ready: the site now works without internet;
 * - when the network is cut: no internet, but the search still works;
 * - when a new version is installed: "Nouvelle version disponible · Recharger". The new
 *   worker takes over only when the person chooses to reload, so versions never mix.
 * The page's root gets data-offline="ready" once the worker controls it (tests wait for it).
 */
import { Workbox } from 'workbox-window';
import { createTranslator, type Translate } from '../i18n/translate.ts';
import { SW_URL } from './protocol.ts';

document.documentElement.classList.add('has-js');

class AppNotice extends HTMLElement {
  private t!: Translate;

  connectedCallback(): void {
    this.t = createTranslator(JSON.parse(this.dataset.i18n!) as Record<string, string>);
    addEventListener('offline', () => this.show('offline.noNetwork'));
    addEventListener('online', () => {
      if (this.dataset.kind === 'offline.noNetwork') this.clear();
    });
    if (!navigator.onLine) this.show('offline.noNetwork');
    if ('serviceWorker' in navigator) this.register();
  }

  private register(): void {
    const workbox = new Workbox(SW_URL);
    const ready = (): void => {
      document.documentElement.dataset.offline = 'ready';
    };
    workbox.addEventListener('activated', (event) => {
      if (event.isUpdate) return;
      ready();
      this.show('offline.ready');
    });
    workbox.addEventListener('waiting', () => {
      this.show('offline.update', () => {
        workbox.addEventListener('controlling', () => location.reload());
        workbox.messageSkipWaiting();
      });
    });
    void workbox.register().then(() => {
      if (navigator.serviceWorker.controller) ready();
    });
  }

  /** One message at a time, as text; with an action button when there is something to do. */
  private show(kind: 'offline.ready' | 'offline.noNetwork' | 'offline.update', action?: () => void): void {
    this.dataset.kind = kind;
    const text = document.createElement('p');
    text.textContent = this.t(kind);
    const buttons = document.createElement('p');
    buttons.className = 'actions';
    if (action) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button';
      button.textContent = this.t('offline.reload');
      button.addEventListener('click', action);
      buttons.append(button);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'button secondary';
    close.textContent = this.t('offline.close');
    close.addEventListener('click', () => this.clear());
    buttons.append(close);
    this.replaceChildren(text, buttons);
  }

  private clear(): void {
    delete this.dataset.kind;
    this.replaceChildren();
  }
}

customElements.define('app-notice', AppNotice);
