/** The content script's UI and anchoring, injected into notice pages only (entrypoints/content/page-ui.ts). */
import { publishModule } from '../lib/page/modules';
import { pageUi } from './content/page-ui';

export default defineUnlistedScript(() => publishModule('ui', pageUi));
