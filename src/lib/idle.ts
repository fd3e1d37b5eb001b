/**
 * Runs a task when the page is idle, at the latest after `timeout` ms when one is given. Safari
 * has no requestIdleCallback: there, 200 ms later. A module of its own: every page loads it.
 */
export function whenIdle(task: () => void, timeout?: number): void {
  if ('requestIdleCallback' in globalThis) requestIdleCallback(task, timeout === undefined ? undefined : { timeout });
  else setTimeout(task, 200);
}
