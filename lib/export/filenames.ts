/**
 * Download file names from notice titles: `公文透镜-<title>-2026-11-25.md`.
 *
 * The title is page data, so it is cleaned before it reaches `chrome.downloads` or a save dialog:
 * control characters and bidi overrides (which can disguise an extension: `‮fdp.exe`) are dropped;
 * path separators and the characters Windows forbids (< > : " / \ | ? *) become `_`; whitespace runs become
 * one space; leading and trailing dots, spaces and `_` go; Windows device names (CON, NUL, COM1 …) are
 * prefixed with `_`. The title part is cut to 60 characters and 150 UTF-8 bytes (Han is 3 bytes; most file
 * systems allow 255 bytes per name) without splitting a surrogate pair. Han, full-width punctuation such as
 * 《》〔〕 and emoji are kept.
 */

import { PRODUCT_NAME } from './labels';
import type { SavedNotice } from '../types';

const MAX_TITLE_CHARS = 60;
const MAX_TITLE_BYTES = 150;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** One path component made safe for every desktop file system; may be empty. */
export function safeFileNamePart(text: string, maxChars = MAX_TITLE_CHARS, maxBytes = MAX_TITLE_BYTES): string {
  let s = text
    .replace(/[\t\n\v\f\r]/g, ' ')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/\s+/g, ' ');
  s = s.replace(/^[\s._]+|[\s._]+$/g, '');
  const chars = Array.from(s); // code points, so a surrogate pair is never cut in half
  let out = '';
  let bytes = 0;
  for (const ch of chars.slice(0, maxChars)) {
    const cp = ch.codePointAt(0) ?? 0;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes) break;
    out += ch;
    bytes += size;
  }
  out = out.replace(/[\s._]+$/g, '');
  return WINDOWS_DEVICE.test(out) ? `_${out}` : out;
}

function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * `公文透镜-<title>-<local date>.<extension>`; without a usable title, `公文透镜-导出-<date>.<extension>`.
 * The extension is expected to be ours (`md`, `csv`, `json`, `docx`) and is cleaned all the same.
 */
export function exportFileName(title: string | null, extension: string, date: Date = new Date()): string {
  const part = title ? safeFileNamePart(title) : '';
  const ext = safeFileNamePart(extension.replace(/^\.+/, ''), 10, 10) || 'txt';
  return `${PRODUCT_NAME}-${part || '导出'}-${isoDay(date)}.${ext}`;
}

/** What a file of these notices is called: the title of a single notice, `N篇公文` for several. */
export function exportTitle(notices: readonly SavedNotice[]): string | null {
  if (notices.length === 1) return notices[0].metadata.title;
  return notices.length > 1 ? `${notices.length}篇公文` : null;
}
