/**
 * <app-notice>, on every page: registers the service worker (any first visit makes the site
 * work offline, see ./sw.ts) and tells the person, in plain words, what it means for them:
 * - the first time the worker is ready: the site now works without internet;
 * - when the network is cut: no internet, but the search still works;
 * - when a new version is installed: "Nouvelle version disponible · Recharger". The new
 *   worker takes over only when the person chooses to reload, so versions never mix.
 * - on a phone that asks to save data (Save-Data, or a connection the browser calls metered),
 *   the offline download waits until the person asks for it, with its size.
 * The page a person landed on, and those opened before the worker took control, are handed to
 * the worker once it is ready: they work offline afterwards, as the offline page promises.
 * The page's root gets data-offline="ready" once the worker controls it (tests wait for it).
 * A first search comes before the offline download (1.6 MB, some ten seconds on a slow phone
 * connection): on a page with the search, the download starts once its results are drawn, or
 * once the person has left the search field alone for a few seconds; never while they type.
 */
import { Workbox } from 'workbox-window';
import { clientTranslator, type Translate } from '../i18n/translate.ts';
import { formatBytes } from '../lib/format.ts';
import { PAGES_BEFORE_WORKER, PRECACHE_REPORT_URL, SW_MESSAGES, SW_URL, type PrecacheReport } from './protocol.ts';
import { LOCALIZED_PATHS, localizedPath, paperWordsUrl, PLACE_VIEW_PATH } from '../lib/routes.ts';
import { whenIdle } from '../lib/idle.ts';

document.documentElement.classList.add('has-js');

/** The search field left alone this long: the offline download may start. */
const CALM_MS = 3000;
/** A search asked by the address that never ends drawing (an error): the download starts anyway. */
const SEARCH_WAIT_MS = 15_000;

type Kind = 'offline.ready' | 'offline.noNetwork' | 'offline.update' | 'offline.saveData';

/** The pages opened in this browsing session before the worker took control (paths, no query). */
function pagesBefore(): string[] {
  try {
    return JSON.parse(sessionStorage.getItem(PAGES_BEFORE_WORKER) ?? '[]') as string[];
  } catch {
    return [];
  }
}

function rememberPage(): void {
  if (location.search !== '') return;
  try {
    const pages = pagesBefore().filter((path) => path !== location.pathname);
    sessionStorage.setItem(PAGES_BEFORE_WORKER, JSON.stringify([...pages, location.pathname].slice(-20)));
  } catch {
    // Storage refused: only this page is handed over.
  }
}

/** The browser says the person wants to save data. */
function savingData(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean; metered?: boolean } }).connection;
  return connection?.saveData === true || connection?.metered === true;
}

/** The active worker, once its activation is over (the old caches are cleaned by then). */
async function activeWorker(): Promise<ServiceWorker> {
  const worker = (await navigator.serviceWorker.ready).active!;
  if (worker.state !== 'activated') {
    await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
  }
  return worker;
}

/**
 * In another language, its own pages (home, search, a place's details, orientation, list,
 * offline page) and its words for paper are kept too, once a visit: the person's language works
 * offline like French.
 */
function keepLanguagePages(worker: ServiceWorker): void {
  const code = document.documentElement.dataset.locale ?? 'fr';
  if (code === 'fr') return;
  const flag = `${PAGES_BEFORE_WORKER}-${code}`;
  try {
    if (sessionStorage.getItem(flag)) return;
    sessionStorage.setItem(flag, '1');
  } catch {
    // Storage refused: asked again on the next page, which costs nothing once kept.
  }
  const urls = [...LOCALIZED_PATHS, PLACE_VIEW_PATH].map((path) => localizedPath(path, code)).filter((path): path is string => path !== null);
  // And its words for paper and messages (only French's are in the offline download).
  urls.push(paperWordsUrl(code));
  worker.postMessage({ type: SW_MESSAGES.keepPages, urls });
}

/** « No internet » closed by the person, for this tab, until the connection comes back; read (no argument) or set. */
function quiet(closed?: boolean): boolean {
  try {
    if (closed === true) sessionStorage.setItem('offline-notice-closed', '1');
    else if (closed === false) sessionStorage.removeItem('offline-notice-closed');
    return sessionStorage.getItem('offline-notice-closed') === '1';
  } catch {
    return false;
  }
}

class AppNotice extends HTMLElement {
  private t!: Translate;

  connectedCallback(): void {
    this.t = clientTranslator(this.dataset.i18n!);
    // The notice sits over the bottom of the screen: the page gets as much room below its end, so
    // that nothing stays under it (« Télécharger le fichier », « Voir les lieux » at a page's end).
    // Measured after layout (ResizeObserver): never a layout forced on the page.
    if ('ResizeObserver' in window)
      new ResizeObserver(([entry]) => {
        document.body.style.paddingBottom = entry && entry.contentRect.height > 0 ? `${Math.ceil(entry.borderBoxSize[0]?.blockSize ?? entry.contentRect.height) + 16}px` : '';
      }).observe(this);
    // Closed once, « no internet » is not said again on each page until the connection comes back (it covered the first results on every page).
    addEventListener('offline', () => {
      if (!quiet()) this.show('offline.noNetwork');
    });
    addEventListener('online', () => {
      // Chromium sends « online » to the page being left, the network still off (navigator.onLine
      // false): it brought « no internet » back on the next page, after « OK », in the end-to-end tests.
      if (!navigator.onLine) return;
      quiet(false);
      if (this.dataset.kind === 'offline.noNetwork') this.clear();
    });
    // Online at load: the connection came back while no page listened (a page change, a tab asleep).
    if (navigator.onLine) quiet(false);
    else if (!quiet()) this.show('offline.noNetwork');
    if (!('serviceWorker' in navigator)) return;
    if (!navigator.serviceWorker.controller) rememberPage();
    if (navigator.serviceWorker.controller) this.register();
    else if (!savingData()) this.registerAfterSearch();
    else void this.offerDownload();
  }

  /** The first worker waits for the search: not to share a slow connection with its files (see above). */
  private registerAfterSearch(): void {
    const input = document.querySelector<HTMLInputElement>('search-panel input[name="q"]');
    if (!input) return this.register();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const go = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      this.register();
    };
    const later = (): void => {
      clearTimeout(timer);
      timer = setTimeout(go, CALM_MS);
    };
    document.addEventListener('search:drawn', () => whenIdle(go, 1000), { once: true });
    input.addEventListener('focus', () => clearTimeout(timer));
    input.addEventListener('blur', later);
    // A search asked by the address (/recherche/?q=…): its drawing starts the download, or at worst this.
    const searching = new URLSearchParams(location.search).size > 0;
    if (searching) timer = setTimeout(go, SEARCH_WAIT_MS);
    else if (document.activeElement !== input) later();
  }

  /** Save-Data: the download waits for the person, who is told how much it weighs. */
  private async offerDownload(): Promise<void> {
    const registered = await navigator.serviceWorker.getRegistration().catch(() => undefined);
    if (registered) return this.register();
    let size = '';
    try {
      const report = (await (await fetch(PRECACHE_REPORT_URL)).json()) as PrecacheReport;
      size = formatBytes(this.t, report.gzipBytes);
    } catch {
      // Unknown size: the offer still stands, without a figure.
    }
    this.show(
      'offline.saveData',
      () => {
        this.clear();
        this.register();
      },
      size ? this.t('offline.saveDataSize', { size }) : '',
    );
  }

  private register(): void {
    const workbox = new Workbox(SW_URL);
    const ready = (): void => {
      document.documentElement.dataset.offline = 'ready';
    };
    // The first worker: also when another page of this visit registered it (a person who
    // opens a second page before the first download ends).
    if (!navigator.serviceWorker.controller) {
      void activeWorker().then((worker) => {
        this.handOver(worker);
        ready();
        this.show('offline.ready');
      });
    }
    workbox.addEventListener('waiting', () => {
      this.show('offline.update', () => {
        workbox.addEventListener('controlling', () => location.reload());
        workbox.messageSkipWaiting();
      });
    });
    workbox
      .register()
      .then(() => {
        if (navigator.serviceWorker.controller) ready();
      })
      .catch(() => {
        // No worker (a private window may refuse it, or a browser's setting): the site works online, as without one.
      });
    void activeWorker().then((worker) => keepLanguagePages(worker));
  }

  /** The pages opened before the worker was there: it keeps them now. */
  private handOver(worker: ServiceWorker): void {
    const urls = pagesBefore();
    if (urls.length === 0) return;
    worker.postMessage({ type: SW_MESSAGES.keepPages, urls });
    try {
      sessionStorage.removeItem(PAGES_BEFORE_WORKER);
    } catch {
      // Nothing to forget.
    }
  }

  /** One message at a time, as text; with an action button when there is something to do. */
  private show(kind: Kind, action?: () => void, detail = ''): void {
    this.dataset.kind = kind;
    const text = document.createElement('p');
    text.textContent = detail ? `${this.t(kind)} ${detail}` : this.t(kind);
    const buttons = document.createElement('p');
    buttons.className = 'actions';
    if (action) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button';
      button.textContent = this.t(kind === 'offline.saveData' ? 'offline.download' : 'offline.reload');
      button.addEventListener('click', action);
      buttons.append(button);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'button secondary';
    close.textContent = this.t(kind === 'offline.saveData' ? 'offline.later' : 'offline.close');
    close.addEventListener('click', () => {
      if (kind === 'offline.noNetwork') quiet(true);
      this.clear();
    });
    buttons.append(close);
    this.classList.remove('at-top');
    this.replaceChildren(text, buttons);
    this.place();
  }

  /**
   * Never over what a person came to do when it comes: the search field, a place's phone, the
   * header's « Langue » and « Ma sélection » (a small screen has little room). At the bottom of the
   * screen; else just under the header; else over the top of the screen.
   */
  private place(): void {
    const { top, bottom } = this.getBoundingClientRect();
    const height = bottom - top;
    const kept = [...document.querySelectorAll('#q, main a[href^="tel:"], .language-picker summary, selection-count a')]
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.height > 0);
    const free = (from: number) => kept.every((box) => box.bottom <= from || box.top >= from + height);
    if (free(top)) return this.keepRoom('bottom', window.innerHeight - top);
    const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
    const under = Math.max(header, 0) + 8;
    const at = free(under) ? under : 8;
    this.style.setProperty('--notice-top', `${at}px`);
    this.classList.add('at-top');
    this.keepRoom('top', at + height);
  }

  /**
   * What the notice covers stays reachable: the page scrolls what gets the focus (Tab) out from
   * under it (WCAG 2.4.11), and its end can scroll above a notice at the bottom of the screen.
   */
  private keepRoom(side: 'top' | 'bottom' | null, room = 0): void {
    const root = document.documentElement.style;
    root.setProperty('--notice-room-top', side === 'top' ? `${Math.ceil(room) + 8}px` : '0px');
    root.setProperty('--notice-room-bottom', side === 'bottom' ? `${Math.ceil(room) + 8}px` : '0px');
  }

  private clear(): void {
    delete this.dataset.kind;
    this.classList.remove('at-top');
    this.replaceChildren();
    this.keepRoom(null);
  }
}

customElements.define('app-notice', AppNotice);
