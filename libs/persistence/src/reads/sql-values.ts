/** Conversions of values as `pg` returns them. */
export const iso = (d: Date | string | null | undefined): string | null =>
  d == null ? null : new Date(d).toISOString();
export const num = (v: unknown): number => Number(v ?? 0);

/** One page of a list, with the total count of the filtered rows. */
export interface ReadPage<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Collects query parameters and returns their placeholders: `where.push(\`a = ${p(x)}\`)`. */
export function parameters(): { values: unknown[]; p: (value: unknown) => string } {
  const values: unknown[] = [];
  return {
    values,
    p: (value) => {
      values.push(value);
      return `$${values.length}`;
    },
  };
}
