/**
 * Registers the service worker on every page (any first visit makes the site work offline),
 * and marks the page when the worker says the offline data is ready.
 */
document.documentElement.classList.add('has-js');

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data === 'offline-ready') document.documentElement.dataset.offline = 'ready';
  });
  void navigator.serviceWorker.register('/sw.js').then(async (registration) => {
    await navigator.serviceWorker.ready;
    registration.active?.postMessage('status?');
  });
}
