/**
 * Whose annotations to show when team sync is on: 我的 (the signed-in user's, and those made before sync,
 * which carry no creator), 团队 (everyone else's), 全部.
 */

/** Extension storage key holding the signed-in user's name while sync is on (never the password or server). */
export const SYNC_USER_KEY = 'sync:user';
/**
 * Extension storage key holding the ids of the annotations that have other versions (CouchDB conflicts)
 * while sync is on: the page's panel marks them and points to the library, where one is kept.
 */
export const SYNC_CONFLICTS_KEY = 'sync:conflicts';

/** The annotation ids stored under SYNC_CONFLICTS_KEY (anything else there: none). */
export function conflictIds(value: unknown): ReadonlySet<string> {
  return new Set(Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []);
}

export type OwnerFilter = 'mine' | 'team' | 'all';
export const OWNER_FILTERS: readonly OwnerFilter[] = ['mine', 'team', 'all'];

export function isMine(a: { creator?: string }, user: string): boolean {
  return !a.creator || a.creator === user;
}

/** The items passing the filter; `of` reads an item's annotation (the panel's items wrap theirs). */
export function byOwner<T>(
  items: readonly T[],
  user: string | null | undefined,
  filter: OwnerFilter,
  of: (item: T) => { creator?: string } = (x) => x as { creator?: string },
): T[] {
  if (!user || filter === 'all') return [...items];
  return items.filter((x) => isMine(of(x), user) === (filter === 'mine'));
}
