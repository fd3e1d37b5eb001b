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
 * The longest a slice of work runs before it yields, measured on the device: a long task is
 * 50 ms, and a slice may overrun by one item. Small enough that a phone four times slower than
 * the machine a lab measures on (Lighthouse multiplies what it sees) stays under 50 ms too.
 */
export const SLICE_MS = 6;
