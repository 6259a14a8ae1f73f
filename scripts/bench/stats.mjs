// Percentiles and fixed-width text tables.

/** Nearest-rank percentile of unsorted values (ms); null for no values. */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export const round = (value, digits = 1) =>
  value === null || value === undefined ? null : Number(value.toFixed(digits));

export function formatNumber(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Renders rows (arrays of cells) under headers; numbers right-aligned, text left-aligned. */
export function renderTable(headers, rows) {
  const cells = rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))));
  const widths = headers.map((header, column) =>
    Math.max(width(header), ...cells.map((row) => width(row[column] ?? ''))),
  );
  const numeric = headers.map((_, column) =>
    cells.every((row) => !row[column] || /^[-+≥≤<>~]?[\d.,]+\s?(%|ms|s|rps)?$|^–$/.test(row[column])),
  );
  const line = (row) =>
    row
      .map((cell, column) => (numeric[column] ? padStart(cell, widths[column]) : padEnd(cell, widths[column])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((size) => '-'.repeat(size)).join('  ');
  return [line(headers), rule, ...cells.map(line)].join('\n');
}

// CJK characters take two terminal columns.
function width(text) {
  let size = 0;
  for (const char of text)
    size += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char)
      ? 2
      : 1;
  return size;
}
const padEnd = (text, size) => text + ' '.repeat(Math.max(0, size - width(text)));
const padStart = (text, size) => ' '.repeat(Math.max(0, size - width(text))) + text;
