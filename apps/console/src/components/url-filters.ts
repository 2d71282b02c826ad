/**
 * A list's filters kept in the page's address (French words, so a filtered list can be bookmarked
 * and shared), with the list's first item shown (`debut`): a new filter starts at the first page.
 */
import { useSearchParams } from 'react-router';

export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      if (key !== 'debut') next.delete('debut');
      return next;
    });
  return {
    params,
    offset: Number(params.get('debut') ?? 0) || 0,
    set,
    /** Shows the page starting at `offset`. */
    page: (offset: number) => set('debut', offset > 0 ? String(offset) : null),
  };
}
