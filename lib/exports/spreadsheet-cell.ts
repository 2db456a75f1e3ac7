// Every file the app writes for a spreadsheet (CSV today, XLSX tomorrow) passes its text cells
// through here, so that a value typed by a customer, an employee or an imported file cannot run as
// a formula when someone opens the export (CSV injection, OWASP): `=HYPERLINK(…)`, `+cmd|…`,
// `-2+3+cmd|…`, `@SUM(…)`. Spreadsheets treat a cell as a formula when it starts with = + - @, and
// some skip a leading TAB or CR before looking.

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * A plain decimal number ("-3", "-0.25", "+2", "-1e-3") is read by a spreadsheet as that number,
 * never as a formula, so it is left as it is: a gap of −1.3 stays a number one can sum, and the
 * journey import reads back exactly what the export wrote.
 */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether a spreadsheet would run this text as a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_TRIGGER.test(text) && !PLAIN_NUMBER.test(text);
}

/**
 * The text as a safe spreadsheet cell: a leading apostrophe (the spreadsheet's own "this is
 * text" mark) before anything formula-like — and before a text that already starts with one, so
 * that readSpreadsheetCell can always undo it.
 */
export function spreadsheetCell(text: string): string {
  return isFormulaLike(text) || text.startsWith("'") ? `'${text}` : text;
}

/** Undoes spreadsheetCell: what our own export wrote, read back as the original text. */
export function readSpreadsheetCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}
