import qrcode from 'qrcode-generator';

/** A run of same-coloured modules in one row: drawn as one View instead of one per module. */
export interface QrRun {
  dark: boolean;
  length: number;
}

/**
 * The modules of a QR code for `text`, row by row (true = dark). A redemption code is 8 digits,
 * so numeric mode fits it in the smallest symbol (21 × 21) at level M, easy to scan from a phone
 * screen held up to the cadre's.
 */
export function qrMatrix(text: string): boolean[][] {
  const code = qrcode(0, 'M');
  code.addData(text, /^\d+$/.test(text) ? 'Numeric' : 'Byte');
  code.make();
  const size = code.getModuleCount();
  return Array.from({ length: size }, (_row, row) =>
    Array.from({ length: size }, (_col, col) => code.isDark(row, col)),
  );
}

/** One row as runs of equal modules. */
export function runsOf(row: readonly boolean[]): QrRun[] {
  const runs: QrRun[] = [];
  for (const dark of row) {
    const last = runs[runs.length - 1];
    if (last && last.dark === dark) last.length += 1;
    else runs.push({ dark, length: 1 });
  }
  return runs;
}
