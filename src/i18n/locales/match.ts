/** The site's language for a browser language: "fa-AF" and "prs" are Dari, "ar-MA" is Arabic. */
export function siteLanguage(browser: string, offered: readonly string[]): string | null {
  const base = browser.toLowerCase().split('-')[0]!;
  const code = base === 'prs' ? 'fa' : base;
  return offered.includes(code) ? code : null;
}
