/**
 * The one CSV writer behind every /data/*.csv file (RFC 4180: a header row,
 * CRLF line ends, a field quoted when it holds a comma, quote or line break,
 * quotes doubled). A value is written by csvCell: null is an empty field, a
 * list is one field with its items joined with "; ", anything else is its
 * String(). Nested values (the instruments' steps) are turned into text by
 * their dataset's column declaration (src/lib/outputs/datasets.ts) first.
 */

/** A value a CSV field can hold. */
export type CsvValue = string | number | boolean | null | readonly string[];

/** One field, quoted if it needs to be. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One value as CSV text: null → empty, lists joined with "; ", booleans as true/false. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

/** The whole file: `columns` as the header, then one line per row; a row without one of the columns is an error. */
export function csvText(columns: readonly string[], rows: readonly Record<string, CsvValue | undefined>[]): string {
  const line = (r: Record<string, CsvValue | undefined>, n: number) =>
    columns
      .map((c) => {
        const value = r[c];
        if (value === undefined) throw new Error(`CSV row ${n + 1} has no value for column "${c}"`);
        return csvField(csvCell(value));
      })
      .join(',');
  return [columns.map(csvField).join(','), ...rows.map(line)].map((l) => `${l}\r\n`).join('');
}
