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
  return {
    kind: 'content-script',
    url: s.url,
    tabId: typeof tab.id === 'number' ? tab.id : null,
    frameId: typeof s.frameId === 'number' ? s.frameId : null,
  };
}

/** True for our own extension pages and our own content scripts; false for web pages and other extensions. */
export function isTrustedSender(sender: unknown, extensionId: string, extensionOrigin: string): boolean {
  return classifySender(sender, extensionId, extensionOrigin) !== null;
}
