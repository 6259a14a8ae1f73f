import { qrMatrix, runsOf } from '../components/qrMatrix';

describe('the redemption code as a QR matrix', () => {
  it('fits an 8-digit code in the smallest symbol with the three finder patterns in place', () => {
    const matrix = qrMatrix('12345678');
    expect(matrix).toHaveLength(21);
    expect(matrix.every((row) => row.length === 21)).toBe(true);
    // A finder pattern: a dark 7×7 ring, a light ring inside it, a dark 3×3 core.
    const finderAt = (top: number, left: number) =>
      Array.from({ length: 7 }, (_r, row) =>
        Array.from({ length: 7 }, (_c, col) => {
          const ring = Math.max(Math.abs(row - 3), Math.abs(col - 3));
          return matrix[top + row][left + col] === (ring !== 2);
        }).every(Boolean),
      ).every(Boolean);
    expect(finderAt(0, 0)).toBe(true);
    expect(finderAt(0, 14)).toBe(true);
    expect(finderAt(14, 0)).toBe(true);
    // The timing pattern between the top finders alternates.
    expect(matrix[6].slice(8, 13)).toEqual([true, false, true, false, true]);
  });

  it('gives different codes different matrices', () => {
    expect(qrMatrix('12345678')).not.toEqual(qrMatrix('87654321'));
  });

  it('draws each row as runs that add up to the row', () => {
    expect(runsOf([true, true, false, true, false, false])).toEqual([
      { dark: true, length: 2 },
      { dark: false, length: 1 },
      { dark: true, length: 1 },
      { dark: false, length: 2 },
    ]);
    for (const row of qrMatrix('00000001')) expect(runsOf(row).reduce((sum, run) => sum + run.length, 0)).toBe(21);
  });
});
