/**
 * The one CSV writer behind every /data/*.csv file (RFC 4180: a header row,
 * CRLF line ends, a field quoted when it holds a comma, quote or line break,
 * quotes doubled). Each dataset decides how its values become text; this
 * only lays the text out.
 */

/** One field, quoted if it needs to be. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The whole file: `columns` as the header, then one line per row (missing values empty). */
export function csvText(columns: readonly string[], rows: readonly Record<string, string | undefined>[]): string {
  const lines = [columns.map(csvField).join(','), ...rows.map((r) => columns.map((c) => csvField(r[c] ?? '')).join(','))];
  return lines.map((l) => `${l}\r\n`).join('');
}
