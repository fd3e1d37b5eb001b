import { fold } from '../text.ts';

/**
 * Text as people type it, made comparable: "Saint-Denis", "st denis", "ST-DENIS" and
 * "saint denis" all become "saint denis"; "L'Haÿ" becomes "l hay".
 */
export function normalize(text: string): string {
  return fold(text)
    .replace(/[''`´-]/g, ' ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\b(st)\b/g, 'saint')
    .replace(/\b(ste)\b/g, 'sainte')
    .replace(/\s+/g, ' ')
    .trim();
}

export function tokens(text: string): string[] {
  const normalized = normalize(text);
  return normalized ? normalized.split(' ') : [];
}

/** The file of communes a normalized name belongs to: its first letter. */
export function communeShard(normalizedName: string): string {
  const first = normalizedName.charAt(0);
  return /[a-z]/.test(first) ? first : '0';
}
