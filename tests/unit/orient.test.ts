/** Orienting someone: QR codes, the selection and the messages that share places. */
import decodeQR from 'qr/decode.js';
import { describe, expect, test } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { buildSchedule } from '../../src/lib/hours/schedule.ts';
import { QUIET_ZONE, qrMatrix, qrSvg, writtenUrl } from '../../src/lib/orient/qr.ts';
import { MAX_SELECTION, entryOf, moveEntry, parseSelection, serializeSelection, withEntry, withoutEntry, type SelectionEntry } from '../../src/lib/orient/selection.ts';
import { hasWhere, orientParams, searchParamsOf, STEPS, stepFrom } from '../../src/lib/orient/steps.ts';
import { mailtoHref, nextOpening, placeMessage, selectionMessage, shareLinks, smsHref, whatsappHref, type SharedPlace } from '../../src/lib/orient/share.ts';

/** Paints an SVG made of "M x y h n v1 h-n z" runs into RGBA pixels, as a printer would. */
function paint(svg: string, scale = 4): { width: number; height: number; data: Uint8Array } {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
  const width = size * scale;
  const data = new Uint8Array(width * width * 4).fill(255);
  for (const [, x, y, n] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let row = Number(y) * scale; row < (Number(y) + 1) * scale; row++) {
      for (let col = Number(x) * scale; col < (Number(x) + Number(n)) * scale; col++) data.fill(0, (row * width + col) * 4, (row * width + col) * 4 + 3);
    }
  }
  return { width, height: width, data };
}

describe('QR codes', () => {
  test.each(['https://aide-numerique.example.org/lieux/lieu-fictif-des-tests/', 'https://aide-numerique.example.org/selection/?lieux=59.lieu-fictif-a,2A.lieu-fictif-b'])(
    '%s reads back from the SVG',
    (url) => {
      const svg = qrSvg(url, 'Code QR');
      expect(decodeQR(paint(svg))).toBe(url);
    },
  );

  test('the SVG has the quiet zone the standard asks for, and error correction M', () => {
    const url = 'https://aide-numerique.example.org/lieux/lieu-fictif/';
    const svg = qrSvg(url, 'Code QR');
    const modules = qrMatrix(url).length - 2 * QUIET_ZONE;
    expect(svg).toContain(`viewBox="0 0 ${modules + 2 * QUIET_ZONE} ${modules + 2 * QUIET_ZONE}"`);
    expect(Math.min(...[...svg.matchAll(/M(\d+) (\d+)h/g)].flatMap((m) => [Number(m[1]), Number(m[2])]))).toBe(QUIET_ZONE);
    // Nothing but runs of modules in the path.
    expect(svg).toMatch(/ d="(M\d+ \d+h\d+v1h-\d+z)+"/);
    // 54 bytes: version 4 at level M (version 3 at level L would hold them in fewer modules).
    expect(modules).toBe(33);
  });

  test('the address under a code loses its scheme and may break only after a "/"', () => {
    expect(writtenUrl('https://aide-numerique.example.org/lieux/lieu-fictif/')).toEqual(['aide-numerique.example.org/', 'lieux/', 'lieu-fictif/']);
    expect(writtenUrl('http://localhost:4321/lieux/x/')).toEqual(['localhost:4321/', 'lieux/', 'x/']);
  });

  test('a name with HTML in its label stays text', () => {
    expect(qrSvg('https://x.example/', 'Lieu "fictif" <b>&')).toContain('aria-label="Lieu &#34;fictif&#34; &#60;b&#62;&#38;"');
  });
});

describe('the selection', () => {
  const a: SelectionEntry = { departement: '59', id: 'lieu-fictif-a' };
  const b: SelectionEntry = { departement: '2A', id: 'lieu-fictif-b' };
  const c: SelectionEntry = { departement: '974', id: 'lieu-fictif-c-0gisxcd' };

  test('round-trips through its URL form', () => {
    const text = serializeSelection([a, b, c]);
    expect(text).toBe('59.lieu-fictif-a,2A.lieu-fictif-b,974.lieu-fictif-c-0gisxcd');
    expect(parseSelection(text)).toEqual([a, b, c]);
    expect(parseSelection(new URLSearchParams(`lieux=${encodeURIComponent(text)}`).get('lieux'))).toEqual([a, b, c]);
  });

  test('drops what is not an entry, and duplicates, keeping the order', () => {
    expect(parseSelection('59.lieu-fictif-a,,nothing,59.LIEU,75.<script>,2a.lieu-fictif-b,13.lieu-fictif-a, 974.lieu-fictif-c-0gisxcd ')).toEqual([a, b, c]);
    expect(parseSelection(null)).toEqual([]);
  });

  test('holds at most MAX_SELECTION places', () => {
    const many = Array.from({ length: MAX_SELECTION + 5 }, (_, i) => `59.lieu-${i}`).join(',');
    expect(parseSelection(many)).toHaveLength(MAX_SELECTION);
    let entries: SelectionEntry[] = [];
    for (let i = 0; i < MAX_SELECTION + 2; i++) entries = withEntry(entries, { departement: '59', id: `lieu-${i}` });
    expect(entries).toHaveLength(MAX_SELECTION);
    expect(entries.at(-1)!.id).toBe(`lieu-${MAX_SELECTION - 1}`);
  });

  test('adds once, removes, and moves within its ends', () => {
    expect(withEntry(withEntry([a], b), b)).toEqual([a, b]);
    expect(withoutEntry([a, b, c], 'lieu-fictif-b')).toEqual([a, c]);
    expect(moveEntry([a, b, c], 'lieu-fictif-c-0gisxcd', -1)).toEqual([a, c, b]);
    expect(moveEntry([a, b, c], 'lieu-fictif-a', 1)).toEqual([b, a, c]);
    expect(moveEntry([a, b, c], 'lieu-fictif-b', -1)).toEqual([b, a, c]);
    expect(moveEntry([a, b, c], 'lieu-fictif-a', -1)).toEqual([a, b, c]);
    expect(moveEntry([a, b, c], 'lieu-fictif-c-0gisxcd', 1)).toEqual([a, b, c]);
    expect(moveEntry([a, b], 'absent', 1)).toEqual([a, b]);
  });

  test('an entry names the département of the search file', () => {
    expect(entryOf('x', '2A004')).toEqual({ departement: '2A', id: 'x' });
    expect(entryOf('x', '97411')).toEqual({ departement: '974', id: 'x' });
    expect(entryOf('x', '59350')).toEqual({ departement: '59', id: 'x' });
  });
});

describe('shared messages', () => {
  const schedule = buildSchedule({ openingHours: 'Mo-Fr 09:00-12:00,14:00-17:00', departementName: 'Nord', lat: 50.6, lon: 3.06, tz: 'Europe/Paris' }, '2026-11-23');
  const place: SharedPlace = {
    name: 'Lieu fictif des tests',
    street: '1 rue Fictive',
    city: '59000 Lille',
    phone: '01 23 45 67 89',
    conditions: 'Il faut être orienté par un travailleur social · Sur rendez-vous',
    schedule,
    url: 'https://aide-numerique.example.org/lieux/lieu-fictif/',
  };
  // Sunday 29 November 2026, 15:00 in Paris: closed, opens on Monday.
  const sunday = new Date('2026-11-29T15:00:00+01:00');
  const plain = (text: string) => text.replaceAll('\u00a0', ' ');

  test('the next opening is a date, never "demain"', () => {
    expect(plain(nextOpening(t, schedule, sunday)!)).toBe('Prochaine ouverture : le lundi 30 novembre à 9 h');
    expect(plain(nextOpening(t, schedule, new Date('2026-11-30T10:00:00+01:00'))!)).toBe('Ouvert le lundi 30 novembre jusqu’à 12 h');
    expect(plain(nextOpening(t, schedule, new Date('2026-11-30T18:00:00+01:00'))!)).toBe('Prochaine ouverture : le mardi 1er décembre à 9 h');
    expect(nextOpening(t, null, sunday)).toBeNull();
    // Closed for the whole month ahead: nothing to announce.
    const closed = buildSchedule({ openingHours: 'Mo-Su off', departementName: 'Nord', lat: 50.6, lon: 3.06, tz: 'Europe/Paris' }, '2026-11-23');
    expect(nextOpening(t, closed, sunday)).toBeNull();
  });

  test('one place: name, address, phone, what it asks, next opening, link', () => {
    expect(plain(placeMessage(t, place, sunday))).toBe(
      [
        'Un lieu pour être aidé avec le numérique :',
        'Lieu fictif des tests',
        '1 rue Fictive, 59000 Lille',
        'Téléphone : 01 23 45 67 89',
        'Il faut être orienté par un travailleur social · Sur rendez-vous',
        'Prochaine ouverture : le lundi 30 novembre à 9 h',
        'https://aide-numerique.example.org/lieux/lieu-fictif/',
      ].join('\n'),
    );
  });

  test('what is unknown is left out, not invented', () => {
    expect(placeMessage(t, { ...place, street: '', phone: '', conditions: '', schedule: null }, sunday)).toBe(
      ['Un lieu pour être aidé avec le numérique :', 'Lieu fictif des tests', '59000 Lille', 'https://aide-numerique.example.org/lieux/lieu-fictif/'].join('\n'),
    );
  });

  test('a selection: numbered places, then the link to the list', () => {
    const text = selectionMessage(t, [place, { ...place, name: 'Autre lieu fictif', phone: '', conditions: '' }], 'https://aide-numerique.example.org/selection/?lieux=59.a,59.b', sunday);
    expect(text.split('\n\n')).toEqual([
      '2 lieux pour être aidé avec le numérique :',
      expect.stringMatching(/^1\. Lieu fictif des tests\n1 rue Fictive, 59000 Lille\nTéléphone : 01 23 45 67 89\nIl faut être orienté par un travailleur social · Sur rendez-vous\n/),
      expect.stringMatching(/^2\. Autre lieu fictif\n1 rue Fictive, 59000 Lille\nProchaine/),
      'La liste en ligne : https://aide-numerique.example.org/selection/?lieux=59.a,59.b',
    ]);
  });

  test('the links carry the text, encoded', () => {
    const body = 'Lieu & co\nTél. 01 23';
    expect(smsHref(body)).toBe('sms:?&body=Lieu%20%26%20co%0ATél.%2001%2023'.replace('é', '%C3%A9'));
    expect(decodeURIComponent(new URL(whatsappHref(body)).searchParams.get('text')!)).toBe(body);
    expect(new URL(whatsappHref(body)).origin).toBe('https://wa.me');
    expect(shareLinks('Sujet', body)).toEqual({ sms: smsHref(body), whatsapp: whatsappHref(body), email: mailtoHref('Sujet', body) });
    const mail = mailtoHref('Sujet & test', body);
    expect(mail.startsWith('mailto:?subject=Sujet%20%26%20test&body=')).toBe(true);
    expect(decodeURIComponent(mail.split('&body=')[1]!)).toBe('Lieu & co\r\nTél. 01 23');
  });
});

describe('the orientation mode’s URL', () => {
  test('round-trips: the answers in the steps’ order, then the step', () => {
    const answers = new URLSearchParams('quand=lundi&service=aide-demarches&service=usage-quotidien&q=Lille&fauteuil=1&langue=ar&moment=matin');
    const params = orientParams(answers, 3);
    expect(params.toString()).toBe('service=aide-demarches&service=usage-quotidien&q=Lille&langue=ar&fauteuil=1&quand=lundi&moment=matin&etape=3');
    expect(stepFrom(params)).toBe(3);
    expect(orientParams(params, stepFrom(params)).toString()).toBe(params.toString());
  });

  test('the results get only the search’s own parameters, without empty answers', () => {
    expect(searchParamsOf(new URLSearchParams('etape=4&q=+&service=aide-demarches&utm=x&autour=1')).toString()).toBe('service=aide-demarches&autour=1');
    expect(searchParamsOf(new URLSearchParams('q=+Lille+')).get('q')).toBe('Lille');
  });

  test('a step out of bounds or unreadable opens the nearest step', () => {
    expect(stepFrom(new URLSearchParams('etape=9'))).toBe(STEPS.length);
    expect(stepFrom(new URLSearchParams('etape=0'))).toBe(1);
    expect(stepFrom(new URLSearchParams('etape=deux'))).toBe(1);
    expect(stepFrom(new URLSearchParams(''))).toBe(1);
    expect(orientParams(new URLSearchParams(), 7).get('etape')).toBe(String(STEPS.length));
  });

  test('where: a commune typed or around me', () => {
    expect(hasWhere(new URLSearchParams('q=Lille'))).toBe(true);
    expect(hasWhere(new URLSearchParams('autour=1'))).toBe(true);
    expect(hasWhere(new URLSearchParams('q=%20&autour=0'))).toBe(false);
  });
});
