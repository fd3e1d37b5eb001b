/**
 * Lets the browser paint and answer taps between the steps of a long piece of work, so that no
 * step holds the page for long: the scheduler's yield where there is one (the rest of the work
 * keeps its place in line), else a timer.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Like yieldToPage, but after the browser has drawn a frame: work that adds to the page (result
 * cards) then has each part laid out and painted in a frame of its own, instead of all of it in
 * one long frame at the end (the scheduler runs the rest of the work before drawing). A hidden
 * page draws no frame: there, a plain yield.
 */
export function yieldToFrame(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState !== 'visible') return yieldToPage();
  return new Promise((resolve) => {
    let waiting = true;
    const go = () => {
      if (!waiting) return;
      waiting = false;
      clearTimeout(timer);
      void yieldToPage().then(resolve);
    };
    // A page hidden while it waits draws no frame: the work goes on without one.
    const timer = setTimeout(go, FRAME_WAIT_MS);
    requestAnimationFrame(go);
  });
}

/** The longest yieldToFrame waits for a frame (a frame comes every 16 ms on a visible page). */
const FRAME_WAIT_MS = 100;

/**
 * The longest a slice of work runs before it yields, measured on the device: a long task is
 * 50 ms, and a slice may overrun by one item. Small enough that a phone four times slower than
 * the machine a lab measures on (Lighthouse multiplies what it sees) stays under 50 ms too.
 */
export const SLICE_MS = 6;

/** Each item mapped, yielding to the page every SLICE_MS: a long list never holds a slow phone for long. */
export async function inSlices<T, U>(items: readonly T[], map: (item: T) => U): Promise<U[]> {
  const mapped: U[] = [];
  let sliceStart = performance.now();
  for (const item of items) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToPage();
      sliceStart = performance.now();
    }
    mapped.push(map(item));
  }
  return mapped;
}
