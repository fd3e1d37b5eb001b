/**
 * intlReady(): resolves once the browser's date and number formats are loaded off the page's
 * thread (intl-warm.worker.ts), so that the first « Ouvert maintenant » of a page is not a long
 * task on a slow phone. Never waits long: without workers, when the worker fails to load
 * (offline before it was cached) or after WAIT_MS, it resolves anyway and the page loads the
 * formats itself, as before. One worker per page, closed once done.
 */
const WAIT_MS = 1500;
let ready: Promise<void> | undefined;

export function intlReady(): Promise<void> {
  ready ??= new Promise<void>((resolve) => {
    if (typeof Worker !== 'function') return resolve();
    let worker: Worker | undefined;
    const done = () => {
      clearTimeout(timer);
      worker?.terminate();
      resolve();
    };
    const timer = setTimeout(done, WAIT_MS);
    try {
      worker = new Worker(new URL('./intl-warm.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return done();
    }
    worker.addEventListener('message', done);
    worker.addEventListener('error', done);
    // The page's own language and the zone of the place shown (La Réunion is not Paris), if any.
    worker.postMessage({ locale: document.documentElement.lang || 'fr', timeZone: document.querySelector<HTMLElement>('[data-tz]')?.dataset.tz ?? 'Europe/Paris' });
  });
  return ready;
}
