/**
 * Which document is this? Stable identities for notices, so annotations follow the document and not the
 * address it happened to be read at.
 *
 * Memex keyed highlights by page URL and lost them after a redirect (WorldBrain/Memex#955, docs/annotation.md §7).
 * A notice is identified, best key first, by its 法宝引证码 (`cite:`), by its issuer and 发文字号 (`num:`),
 * by its canonical URL (`url:`) or, for a file with no URL, by a hash of its title and date (`text:`).
 * URLs stay aliases of the id (the `aliases` table), so the same notice under another address, a mirror
 * site or pkulaw's tracking query strings resolves to the same record.
 */

import { foldWidth } from './text/normalise';
import type { NoticeMetadata } from './types';

/* ----- Canonical URLs ----- */

/**
 * Query parameters that never identify a document anywhere: campaign tags, share-sheet and WeChat
 * forwarding markers, ad click ids. Compared lower-cased; `utm_*` and `sharer_*` by prefix.
 */
const TRACKING_PARAMS = new Set([
  'spm', // Alibaba/UC share tracking
  'from', // WeChat/QQ forwarding: from=singlemessage, from=timeline
  'isappinstalled', // WeChat forwarding
  'scene', // WeChat
  'clicktime', // WeChat
  'enterid', // WeChat
  'wxshare_count',
  'nsukey', // UC browser
  'share_token',
  'fbclid',
  'gclid',
  'msclkid',
  'yclid',
  'mc_cid',
  'mc_eid',
  'igshid',
  '_hsenc',
  '_hsmi',
]);
const TRACKING_PREFIXES = ['utm_', 'sharer_'];

/**
 * pkulaw detail pages are identified by their path (`/chl/<gid>.html`); every query parameter there is
 * navigation state (`way=listView`, `keyword=…` search highlighting), except on the legacy
 * `fulltext_form.aspx?Db=chl&Gid=…` pages where `Db` and `Gid` are the document key.
 */
const PKULAW_KEPT_PARAMS = new Set(['db', 'gid']);

function isPkulawHost(host: string): boolean {
  return /(^|\.)pkulaw\.(com|cn)$/.test(host);
}

/** flk.npc.gov.cn `detail2.html?<base64 id>`: the whole query string is the document id. */
function isOpaqueQueryHost(host: string): boolean {
  return host === 'flk.npc.gov.cn';
}

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** RFC 3986 normalisation of percent escapes: upper-case hex, decode escapes of unreserved characters. */
function normalisePercent(s: string): string {
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

/** Decode every escape of an opaque id (`%3D` → `=`), keeping the string when an escape is malformed. */
function decodeOpaque(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return normalisePercent(s);
  }
}

function canonicalQuery(host: string, search: string): string {
  if (search.length <= 1) return '';
  const raw = search.slice(1);
  if (isOpaqueQueryHost(host) && !raw.includes('&') && !/^[^=]+=[^=]/.test(raw)) return `?${decodeOpaque(raw)}`;
  const pkulaw = isPkulawHost(host);
  const kept: [string, string][] = [];
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = normalisePercent(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : normalisePercent(part.slice(eq + 1));
    const lower = name.toLowerCase();
    if (pkulaw) {
      // ASP.NET reads parameter names case-insensitively: `Gid=` and `gid=` are the same document.
      if (PKULAW_KEPT_PARAMS.has(lower)) kept.push([lower, `${lower}=${value}`]);
      continue;
    }
    if (TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p))) continue;
    kept.push([name, eq < 0 ? name : `${name}=${value}`]);
  }
  if (kept.length === 0) return '';
  // Order never identifies a document; sorting makes `?a=1&b=2` and `?b=2&a=1` one key. Stable for repeats.
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return `?${kept.map((k) => k[1]).join('&')}`;
}

/**
 * The identity key of a URL, or null when `url` is not an absolute http(s) or file URL.
 * See `canonicalUrl` for the rules.
 */
export function tryCanonicalUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol === 'file:') return `file://${collapsePath(normalisePercent(u.pathname))}`;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  let host = u.hostname.replace(/\.$/, '');
  if (host === '') return null;
  // `www.gov.cn` and `gov.cn`, `www.pkulaw.com` and `pkulaw.com` serve the same documents.
  if (host.startsWith('www.') && host.split('.').length > 2) host = host.slice(4);
  // The key has no scheme, so both default ports are defaults.
  const port = u.port === '' || u.port === '80' || u.port === '443' ? '' : `:${u.port}`;
  const path = collapsePath(normalisePercent(u.pathname));
  return `${host}${port}${path}${canonicalQuery(host, u.search)}`;
}

/** `//a//b/` → `/a/b`: CMS servers ignore repeated and trailing slashes; the root stays `/`. */
function collapsePath(path: string): string {
  const p = path.replace(/\/{2,}/g, '/');
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p || '/';
}

/**
 * The identity key of a page address: no scheme (http and https are one page after a redirect), lower-case
 * host without `www.`, no default port, no fragment, no tracking or navigation parameters (pkulaw `?way=…`,
 * `utm_*`, `spm`, `from`, `isappinstalled`…), remaining parameters sorted; parameters that identify the
 * document are kept (legacy pkulaw `Db`/`Gid`, flk.npc.gov.cn `detail2.html?<id>`).
 *
 *     https://www.pkulaw.com/chl/fb0f20d4001e4c26bdfb.html?way=listView#tiao_3 → pkulaw.com/chl/fb0f20d4001e4c26bdfb.html
 *
 * Throws a TypeError for anything that is not an absolute http(s) or file URL; use `tryCanonicalUrl` to test.
 */
export function canonicalUrl(url: string): string {
  const key = tryCanonicalUrl(url);
  if (key === null) throw new TypeError(`Not an absolute http(s) or file URL: ${url.slice(0, 200)}`);
  return key;
}

/* ----- Notice ids ----- */

/** Longest `cite:`/`num:`/`text:` id; longer keys fall through to the next rule. */
export const MAX_KEY_ID_LENGTH = 128;
/** Longest URL accepted anywhere (messages, aliases). */
export const MAX_URL_LENGTH = 4096;

const OPEN_BRACKETS = /[[(（［﹝【〖〔]/g;
const CLOSE_BRACKETS = /[\])）］﹞】〗〕]/g;
/** What may remain in a `num:` key part: Han, ASCII letters and digits, 〔〕 and a little punctuation. */
const KEY_PART_DROP = /[^\p{Script=Han}A-Za-z0-9〔〕._\-·]/gu;

/**
 * One spelling for an issuer or 发文字号: full-width folded, brackets unified to 〔〕 (国发[2019]5号,
 * 国发（2019）5号 and 国发〔2019〕5号 are one number), spaces and other punctuation removed.
 */
export function normaliseKeyPart(s: string): string {
  return foldWidth(s.normalize('NFC'))
    .replace(OPEN_BRACKETS, '〔')
    .replace(CLOSE_BRACKETS, '〕')
    .replace(KEY_PART_DROP, '');
}

/** `CLI.12.7186154`, tolerant of width and spaces; null when it is not a 法宝引证码. */
export function normaliseCitationCode(s: string | null): string | null {
  if (!s) return null;
  const code = foldWidth(s).replace(/\s+/g, '').toUpperCase();
  return /^CLI\.[0-9A-Z]{1,8}\.[0-9A-Z]{1,24}$/.test(code) ? code : null;
}

/**
 * True when a normalised 发文字号 names one document: it has a digit besides its year. `（2020年）` (a
 * pkulaw 海口 公告's whole 文号) or `〔2019〕` alone would merge every document of that year.
 */
function identifiesDocument(docNumber: string): boolean {
  const rest = docNumber.replace(/〔\d{4}年?〕/g, '').replace(/\d{4}年/g, '');
  return /\d/.test(rest);
}

/**
 * The stable id of a notice, best key first:
 * - `cite:CLI.12.7186154` when it has a 法宝引证码;
 * - `num:<first issuer>|<发文字号>`, both normalised (`normaliseKeyPart`), when both exist and the number
 *   names one document;
 * - `url:<canonicalUrl>` from `url` (or `metadata.url`);
 * - `text:<hash>` of the normalised title and signed date (files without a URL). When there is no title,
 *   the first 2,000 normalised characters of `text` stand in for it, so two untitled files differ.
 */
export function noticeId(metadata: NoticeMetadata, url: string | null, text?: string): string {
  const cite = normaliseCitationCode(metadata.citationCode);
  if (cite) return `cite:${cite}`;

  const issuer = metadata.issuers.length > 0 ? normaliseKeyPart(metadata.issuers[0]) : '';
  const number = metadata.docNumber ? normaliseKeyPart(metadata.docNumber) : '';
  if (issuer && number && identifiesDocument(number)) {
    const id = `num:${issuer}|${number}`;
    if (id.length <= MAX_KEY_ID_LENGTH) return id;
  }

  const address = url ?? metadata.url;
  const key = address && address.length <= MAX_URL_LENGTH ? tryCanonicalUrl(address) : null;
  if (key) return `url:${key}`;

  const title = metadata.title ? normaliseKeyPart(metadata.title) : '';
  const basis = title || (text ? normaliseKeyPart(text.slice(0, 4000)).slice(0, 2000) : '');
  return `text:${hash64(`${basis}|${metadata.signedDate ?? ''}`)}`;
}

/** The kind of a notice id, or null when the string is not one (see `noticeId`). */
export function noticeIdKind(id: string): 'cite' | 'num' | 'url' | 'text' | null {
  if (id.startsWith('cite:'))
    return id.length <= MAX_KEY_ID_LENGTH && /^cite:CLI\.[0-9A-Z]{1,8}\.[0-9A-Z]{1,24}$/.test(id) ? 'cite' : null;
  if (id.startsWith('num:')) {
    if (id.length > MAX_KEY_ID_LENGTH) return null;
    return /^num:[\p{Script=Han}A-Za-z0-9〔〕._\-·]+\|[\p{Script=Han}A-Za-z0-9〔〕._\-·]+$/u.test(id) ? 'num' : null;
  }
  if (id.startsWith('url:')) {
    // Canonical keys are ASCII: the URL parser percent-encodes everything else.
    return id.length <= MAX_URL_LENGTH + 4 && /^url:[\x21-\x7e]+$/.test(id) ? 'url' : null;
  }
  if (id.startsWith('text:')) return /^text:[0-9a-f]{16}$/.test(id) ? 'text' : null;
  return null;
}

export function isNoticeId(id: string): boolean {
  return noticeIdKind(id) !== null;
}

/**
 * A 64-bit non-cryptographic hash as 16 hex digits (two 32-bit FNV-1a-style lanes with different
 * multipliers). Synchronous, the same in Node and every browser; collisions only matter between two
 * untitled files with identical openings.
 */
export function hash64(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0xc2b2ae35);
  h2 ^= h2 >>> 16;
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/* ----- One document, several entries ----- */

/**
 * What makes two notices one document whatever their ids: the same 发文字号 from the same 发文机关. Ids
 * can differ for one document (a 法宝引证码 on one site and not the other, issuers listed in another order),
 * so the library compares these instead. Null when the notice has no number that names one document or no issuer.
 */
export interface DocumentKey {
  /** The 发文字号, normalised (`normaliseKeyPart`). */
  number: string;
  /** Every issuer, normalised. */
  issuers: string[];
}

export function documentKey(metadata: Pick<NoticeMetadata, 'docNumber' | 'issuers'>): DocumentKey | null {
  const number = metadata.docNumber ? normaliseKeyPart(metadata.docNumber) : '';
  if (!number || !identifiesDocument(number)) return null;
  const issuers = [...new Set(metadata.issuers.map(normaliseKeyPart).filter((s) => s !== ''))];
  return issuers.length > 0 ? { number, issuers } : null;
}

/** True when both keys name the same number and share an issuer (a joint notice lists its issuers in any order). */
export function sameDocument(a: DocumentKey | null, b: DocumentKey | null): boolean {
  if (!a || !b || a.number !== b.number) return false;
  return a.issuers.some((i) => b.issuers.includes(i));
}
