/** Small shape checks for cache entries read back from disk (never trusted until checked). */
export type Guard<T> = (v: unknown) => v is T;

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function arrayOf<T>(item: Guard<T>): Guard<T[]> {
  return (v: unknown): v is T[] => Array.isArray(v) && v.every(item);
}

export function optional<T>(item: Guard<T>): Guard<T | undefined> {
  return (v: unknown): v is T | undefined => v === undefined || item(v);
}

/** An object whose listed fields pass their guards (other fields are not allowed). */
export function shape<T>(fields: { [K in keyof T]-?: Guard<T[K]> }): Guard<T> {
  const keys = Object.keys(fields) as Array<keyof T & string>;
  return (v: unknown): v is T => isRecord(v) && Object.keys(v).every((k) => k in fields) && keys.every((k) => (fields[k] as Guard<unknown>)(v[k]));
}

export function oneOf<T extends string>(...values: T[]): Guard<T> {
  return (v: unknown): v is T => typeof v === 'string' && (values as string[]).includes(v);
}
