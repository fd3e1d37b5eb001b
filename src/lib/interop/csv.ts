/**
 * CSV cells of the export, safe to open in a spreadsheet. A text cell starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return would run as a formula in Excel or LibreOffice
 * ("CSV injection"): as OWASP recommends, it gets a leading `'`, which spreadsheets show as
 * text. A cell that is a plain number (a negative longitude, "+33123456789") cannot run
 * anything and stays as it is. The import reads the `'` back off (`restoreCell`), so that an
 * export imported again gives the same data.
 */
import { parse } from 'csv-parse/sync';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function restoreCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) && !PLAIN_NUMBER.test(text.slice(1)) ? text.slice(1) : text;
}

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Reads a CSV with a header row into records, each cell restored. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const rows = parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true });
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, cell]) => [key, restoreCell(cell)])));
}
