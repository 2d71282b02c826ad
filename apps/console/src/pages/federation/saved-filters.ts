/**
 * The inbox's filters a person saved under a name, kept on this browser (localStorage) for this
 * person: a saved filter is the page's query string, so opening it is following a link.
 */
export interface SavedFilter {
  name: string;
  /** The inbox's query string, without the leading `?`. */
  query: string;
}

const storageKey = (user: string) => `qualicoop.inbox-filters.${user}`;

export function readSavedFilters(user: string): SavedFilter[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(user)) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((f: unknown): f is SavedFilter => {
      const { name, query } = (f ?? {}) as Partial<Record<keyof SavedFilter, unknown>>;
      return typeof name === 'string' && typeof query === 'string';
    });
  } catch {
    return []; // storage refused or unreadable: nothing saved
  }
}

/** Saves `filter`, replacing one of the same name. */
export function saveFilter(user: string, filter: SavedFilter): SavedFilter[] {
  const next = [...readSavedFilters(user).filter((f) => f.name !== filter.name), filter].sort((a, b) =>
    a.name.localeCompare(b.name, 'fr'),
  );
  localStorage.setItem(storageKey(user), JSON.stringify(next));
  return next;
}

export function deleteFilter(user: string, name: string): SavedFilter[] {
  const next = readSavedFilters(user).filter((f) => f.name !== name);
  localStorage.setItem(storageKey(user), JSON.stringify(next));
  return next;
}
