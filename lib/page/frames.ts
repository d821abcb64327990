/**
 * A notice inside a frame (the national law database shows a law's text in a frame from another origin):
 * which frame of a tab holds the notice, whose reports set the tab's badge, where the analyst's commands
 * go, and the address of the page the analyst sees around the frame. Pure: the background passes in what
 * it knows about the sender and the tab's last report.
 */

/** What a content script in a frame sends to learn the address of the page around it. */
export const TOP_URL_REQUEST = 'page/top-url';

export function isTopUrlRequest(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const r = raw as Record<string, unknown>;
  return r.type === TOP_URL_REQUEST && Object.keys(r).length === 1;
}

/** The sender as the runtime describes it (the fields read here). */
export interface FrameSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

const WEB = /^(https?|file):/i;

/**
 * The tab's address for one of our content scripts running in a frame of it; null for anything else (the
 * top frame knows its own address; extension pages and other extensions get nothing).
 */
export function topUrlFor(sender: FrameSender, extensionId: string): string | null {
  if (sender.id !== extensionId || typeof sender.frameId !== 'number' || sender.frameId <= 0) return null;
  if (!WEB.test(sender.url ?? '')) return null;
  const url = sender.tab?.url;
  return typeof url === 'string' && /^https?:/i.test(url) ? url : null;
}

/** The tab's last analysis report as the background keeps it: which frame sent it, and whether it was a notice. */
export interface LastReport {
  isNotice: boolean;
  frameId?: number | null;
}

/**
 * Whether a report from `frameId` replaces the tab's last one. The top frame speaks for the tab (its page
 * may have changed). A frame's notice does too; a frame that found nothing only takes back what it said
 * itself, so a frame with no notice (or one still empty) never clears the badge another frame set.
 */
export function reportApplies(isNotice: boolean, frameId: number | null | undefined, last: LastReport | null): boolean {
  if (!frameId) return true;
  if (isNotice) return true;
  return last !== null && last.isNotice && last.frameId === frameId;
}

/** The frame the tab's commands go to: the frame holding the notice, or undefined to tell every frame. */
export function commandFrame(last: LastReport | null): number | undefined {
  return last?.isNotice && typeof last.frameId === 'number' && last.frameId > 0 ? last.frameId : undefined;
}
