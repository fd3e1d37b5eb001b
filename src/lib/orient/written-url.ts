/** A URL as written under its code, to be typed: no scheme, in pieces that each end with "/" (a line may break only there). */
export function writtenUrl(url: string): string[] {
  return url.replace(/^https?:\/\//, '').split(/(?<=\/)/);
}
