/**
 * Loaded by popup.html before the popup's own code: starts reading the library's first page at once (see
 * lib/storage/first-page.ts), for the popup to take when it has loaded.
 */
import { readFirstPage } from '../lib/storage/first-page';

export default defineUnlistedScript(() => {
  (globalThis as { noticeLensFirstPage?: unknown }).noticeLensFirstPage = readFirstPage(indexedDB);
});
