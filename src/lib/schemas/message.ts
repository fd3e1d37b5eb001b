/**
 * A schema's words are codes: a dictionary key, with its values when it has some. The words are
 * looked up at the edge, in the reader's language (src/i18n/messages.ts): the schemas, which the
 * correction forms run in the browser, carry no dictionary.
 */
const SEPARATOR = '\u241f';

export type MessageValues = Record<string, string | number>;

/** The code of a message: `editor.rule.url`, or `editor.rule.tooLong␟{"length":5,"maximum":3}`. */
export function message(key: string, values?: MessageValues): string {
  return values ? `${key}${SEPARATOR}${JSON.stringify(values)}` : key;
}

/** A message's key and values, when the text is a message code; null for any other text. */
export function readMessage(text: string): { key: string; values?: MessageValues } | null {
  const [key, values] = text.split(SEPARATOR) as [string, string | undefined];
  if (!/^[a-z][a-zA-Z]*(\.[a-zA-Z0-9-]+)+$/.test(key)) return null;
  try {
    return values === undefined ? { key } : { key, values: JSON.parse(values) as MessageValues };
  } catch {
    return null;
  }
}
