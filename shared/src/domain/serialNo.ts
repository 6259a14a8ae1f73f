/** Report serial numbers: `HY20261122-0042` — county prefix, local date, daily sequence. */
export const SERIAL_PATTERN = /^([A-Z]{2,4})(\d{8})-(\d{4,})$/;

export function serialDay(at: Date, utcOffsetMinutes = 8 * 60): string {
  const local = new Date(at.getTime() + utcOffsetMinutes * 60_000);
  const y = local.getUTCFullYear();
  const m = String(local.getUTCMonth() + 1).padStart(2, '0');
  const d = String(local.getUTCDate()).padStart(2, '0');
  return `${y}${m}${d}`;
}

export function formatSerialNo(prefix: string, day: string, sequence: number): string {
  if (!/^[A-Z]{2,4}$/.test(prefix)) throw new Error(`invalid serial prefix: ${prefix}`);
  if (!/^\d{8}$/.test(day)) throw new Error(`invalid serial day: ${day}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`invalid serial sequence: ${sequence}`);
  return `${prefix}${day}-${String(sequence).padStart(4, '0')}`;
}

export function parseSerialNo(serialNo: string): { prefix: string; day: string; sequence: number } | null {
  const match = SERIAL_PATTERN.exec(serialNo);
  if (!match) return null;
  return { prefix: match[1], day: match[2], sequence: Number(match[3]) };
}
