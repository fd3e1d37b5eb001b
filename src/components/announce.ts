/** Reads a message aloud through a live region: emptied first, so that the same message twice is read twice. */
export function announce(region: Element | null, text: string): void {
  if (!region) return;
  region.textContent = '';
  if (text) setTimeout(() => (region.textContent = text), 50);
}
