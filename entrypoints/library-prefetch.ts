/**
 * Loaded by library.html before the page's own code: a page opened on a notice (#notice=…) starts reading
 * it and the annotations of its first screen at once (see lib/storage/first-page.ts), for the page to take
 * when its code has loaded.
 */
import { FIRST_ANNOTATIONS, readNoticeFirstScreen } from '../lib/storage/first-page';

export default defineUnlistedScript(() => {
  const hash = location.hash.replace(/^#/, '');
  if (!hash.startsWith('notice=')) return;
  let id: string;
  try {
    id = decodeURIComponent(hash.slice('notice='.length));
  } catch {
    return;
  }
  (globalThis as { noticeLensOpened?: unknown }).noticeLensOpened = {
    id,
    read: readNoticeFirstScreen(indexedDB, id, FIRST_ANNOTATIONS),
  };
});
