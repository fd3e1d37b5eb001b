/** French phone numbers: checked at build time, shown grouped by two, dialled through `tel:`. */

export interface Phone {
  /** For `tel:` links: +33123456789, or a short number as is (3949). */
  dial: string;
  /** For reading aloud: 01 23 45 67 89. */
  display: string;
}

/** Overseas departments dial 0 + 9 digits at home and +262, +590… from elsewhere. */
const OVERSEAS_PREFIXES: Record<string, string> = {
  '0262': '+262',
  '0263': '+262',
  '0269': '+262',
  '0590': '+590',
  '0594': '+594',
  '0596': '+596',
  '0639': '+262',
  '0690': '+590',
  '0691': '+590',
  '0692': '+262',
  '0693': '+262',
  '0694': '+594',
  '0696': '+596',
};

export function parsePhone(raw: string): Phone | null {
  const compact = raw.replace(/[\s.\-()/]/g, '');
  if (/^\d{4}$/.test(compact)) return { dial: compact, display: compact };
  let national: string | undefined;
  if (/^0[1-9]\d{8}$/.test(compact)) national = compact;
  else if (/^\+33[1-9]\d{8}$/.test(compact)) national = `0${compact.slice(3)}`;
  else if (/^0033[1-9]\d{8}$/.test(compact)) national = `0${compact.slice(4)}`;
  if (national) {
    const overseas = OVERSEAS_PREFIXES[national.slice(0, 4)];
    return { dial: overseas ? `${overseas}${national.slice(1)}` : `+33${national.slice(1)}`, display: pairs(national) };
  }
  // An overseas department's number written from abroad (+596 596 62 52 56) is read as at home: 05 96 62 52 56.
  const abroad = /^\+(590|594|596|262)(\d{9})$/.exec(compact);
  if (abroad && OVERSEAS_PREFIXES[`0${abroad[2]!.slice(0, 3)}`] === `+${abroad[1]}`) return { dial: compact, display: pairs(`0${abroad[2]}`) };
  if (/^\+(?:590|594|596|262|269|508|681|687|689)\d{6,9}$/.test(compact)) {
    const rest = compact.slice(4);
    return { dial: compact, display: `${compact.slice(0, 4)} ${rest.length % 2 === 0 ? pairs(rest) : rest}` };
  }
  return null;
}

/** Digits by two, as French numbers are read aloud. */
function pairs(digits: string): string {
  return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}
