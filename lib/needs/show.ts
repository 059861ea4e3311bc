/**
 * A value as an error message shows it: JSON, except that NaN and ±Infinity are named as given
 * (JSON.stringify writes them as null) and undefined or functions as their String().
 */
export function shown(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return String(JSON.stringify(value) ?? value);
}
