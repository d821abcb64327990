/**
 * Who sent a runtime message. Only two senders are ever answered: our own extension pages (library,
 * options, popup, side panel) and our own content scripts. Web pages (through `externally_connectable`)
 * and other extensions carry no id or another id and are refused before anything is read.
 *
 * The shape is `runtime.MessageSender`, declared here so this runs without `browser.*` (Node tests).
 */

import { tryCanonicalUrl } from '../identity';

export interface MessageSenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export type SenderContext =
  | { kind: 'extension-page'; url: string }
  /** `url` is the sending frame's URL: the page whose notice the content script may read and write. */
  | { kind: 'content-script'; url: string; tabId: number | null; frameId: number | null };

/**
 * What kind of trusted sender this is, or null for any other. `extensionId` is `runtime.id`,
 * `extensionOrigin` the origin of `runtime.getURL('')` (`chrome-extension://<id>`, `moz-extension://<uuid>`).
 */
export function classifySender(sender: unknown, extensionId: string, extensionOrigin: string): SenderContext | null {
  if (typeof sender !== 'object' || sender === null || !extensionId) return null;
  const s = sender as MessageSenderLike;
  if (s.id !== extensionId) return null;
  if (typeof s.url !== 'string' || s.url === '') return null;
  const origin = extensionOrigin.replace(/\/+$/, '');
  if (origin && (s.url === origin || s.url.startsWith(`${origin}/`))) return { kind: 'extension-page', url: s.url };
  // Anything else must be one of our content scripts, in a tab, on a web (or file) page.
  const tab = s.tab;
  if (typeof tab !== 'object' || tab === null) return null;
  if (!/^(https?|file):/i.test(s.url) || tryCanonicalUrl(s.url) === null) return null;
  // A single-page site moves its address with history.pushState: the sender's URL stays the one the
  // document was loaded at, the tab's URL follows. The top frame's page is the tab's current address.
  const current =
    s.frameId === 0 &&
    typeof tab.url === 'string' &&
    /^(https?|file):/i.test(tab.url) &&
    tryCanonicalUrl(tab.url) !== null
      ? tab.url
      : s.url;
  return {
    kind: 'content-script',
    url: current,
    tabId: typeof tab.id === 'number' ? tab.id : null,
    frameId: typeof s.frameId === 'number' ? s.frameId : null,
  };
}

/** True for our own extension pages and our own content scripts; false for web pages and other extensions. */
export function isTrustedSender(sender: unknown, extensionId: string, extensionOrigin: string): boolean {
  return classifySender(sender, extensionId, extensionOrigin) !== null;
}
