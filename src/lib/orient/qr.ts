/**
 * QR codes as SVG markup, with `qr` (paulmillr/qr: no dependency, 5 KB, maintained, audited
 * encoder; the same package decodes in our tests). Error correction M (15 %): a code printed on
 * cheap paper and folded still reads. The path joins each row's runs of dark modules: a code for
 * a place URL weighs about 2 KB instead of the library's 8 KB of one square per module.
 * The markup holds only numbers and fixed words: safe to insert as HTML.
 */
import encodeQR from 'qr';

/** White margin around the code, in modules: the standard asks for 4. */
export const QUIET_ZONE = 4;

/** The modules, quiet zone included. */
export function qrMatrix(text: string): boolean[][] {
  return encodeQR(text, 'raw', { ecc: 'medium', border: QUIET_ZONE });
}

// Written under each code; in a module of its own, so that a page writes it without the encoder.
export { writtenUrl } from './written-url.ts';

export function qrSvg(text: string, label: string): string {
  const matrix = qrMatrix(text);
  const size = matrix.length;
  let path = '';
  matrix.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      path += `M${start} ${y}h${x - start}v1h-${x - start}z`;
    }
  });
  const title = label.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<svg class="qr" viewBox="0 0 ${size} ${size}" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${title}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}
