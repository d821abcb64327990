/**
 * @mozilla/readability for the content script, injected by the background only on a page where no site
 * adapter and no heuristic found the body. It runs in the content script's isolated world, which the page
 * cannot see.
 */
import { Readability } from '@mozilla/readability';
import { publishModule } from '../lib/page/modules';

export default defineUnlistedScript(() => publishModule('readability', Readability));
