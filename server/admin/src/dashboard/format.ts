/** 0.4286 → '42.9%'; null (nothing to count) → '—', never 0 %. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function formatHours(hours: number | null): string {
  return hours === null ? '—' : `${hours} 小时`;
}
