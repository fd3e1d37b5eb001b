/** "Autour de moi": the device's position, which never leaves the device (nor goes in the URL). */
export type PositionFailure = 'unsupported' | 'denied' | 'unavailable' | 'timeout' | 'other';

/** Why there is no position: `failure` says which case, for the words shown. */
export class PositionError extends Error {
  readonly failure: PositionFailure;
  constructor(failure: PositionFailure) {
    super(`position: ${failure}`);
    this.failure = failure;
  }
}

export function currentPosition(): Promise<{ lat: number; lon: number }> {
  return new Promise((resolve, reject: (reason: PositionError) => void) => {
    if (!('geolocation' in navigator)) return reject(new PositionError('unsupported'));
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ lat: position.coords.latitude, lon: position.coords.longitude }),
      (error) => reject(new PositionError(({ 1: 'denied', 2: 'unavailable', 3: 'timeout' } as const)[error.code as 1 | 2 | 3] ?? 'other')),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  });
}
