/**
 * The absolute address of a path of this site, made from the address the page is actually
 * served at: every link and code a person receives (SMS, WhatsApp, e-mail, copied link, QR
 * code, widget code) leads where the site really is, published or not.
 */
export function siteHref(path: string): string {
  return new URL(path, location.origin).href;
}
