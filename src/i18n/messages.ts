/** A schema's message code (src/lib/schemas/message.ts) in words, in the translator's language; any other text as it is. */
import { readMessage } from '../lib/schemas/message.ts';
import type { Key, Translate } from './translate.ts';

export function wordsOfMessage(t: Translate, text: string): string {
  const code = readMessage(text);
  if (!code) return text;
  try {
    return t(code.key as Key, code.values);
  } catch {
    return text;
  }
}
