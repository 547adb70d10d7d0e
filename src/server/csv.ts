// CSV for `GET /health/export.csv` (contract §15): RFC 4180 (CRLF line ends, a field quoted when
// it holds a quote, comma, CR or LF, quotes doubled) plus the spreadsheet formula-injection rule
// (OWASP "CSV Injection"): a cell starting with = + - @ tab or CR gets a leading `'`, so Excel,
// LibreOffice and Sheets show it as text instead of running it.

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: `null`/`undefined` empty, numbers as written, text guarded and quoted as needed. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  // A NUL ends the cell early in some readers: shown as U+FFFD rather than dropped silently.
  let text = String(value).replace(/\0/g, '\uFFFD');
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, CRLF included. */
export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
