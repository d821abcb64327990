/** Addresses of the team server. */
import type { SyncSettings } from '../schema/sync';

export function remoteUrl(s: Pick<SyncSettings, 'url' | 'database'>): string {
  return `${s.url.replace(/\/+$/, '')}/${encodeURIComponent(s.database)}`;
}

/** The origin pattern to ask host permission for. */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
