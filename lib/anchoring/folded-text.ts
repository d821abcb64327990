/**
 * The folded view every comparison runs on: `foldWidth`, curly quotes folded to straight ones, and all
 * whitespace removed, with maps between folded and original offsets.
 *
 * Why: the same notice re-read from another page or after a CMS edit differs in line breaks, indents and
 * the width of its punctuation (，vs ,), and none of that should move or orphan an annotation. Removing
 * whitespace entirely (rather than collapsing it) is safe for Chinese, which has no spaces between words.
 */

import { decodeUnits, foldWidth } from '../text/normalise';

export interface FoldedText {
  /** The folded characters. */
  text: string;
  /** `toSource[i]` is the original offset of folded unit `i`; `toSource[text.length]` is the original length. */
  toSource: Int32Array;
  /** `fromSource[j]` is the folded index of the first folded unit at or after original offset `j` (length n + 1). */
  fromSource: Int32Array;
}

/** Code units that carry no meaning for matching: whitespace, line breaks, invisible format characters. */
export function isIgnorable(code: number): boolean {
  if (code <= 0x20 || code === 0x7f || code === 0x85 || code === 0xa0 || code === 0xad) return true;
  if (code < 0x1680) return false;
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Curly and full-width quotation marks fold to ASCII ones, like `foldWidth` does for ，：；. */
export function foldQuoteMark(code: number): number {
  switch (code) {
    case 0x201c: // “
    case 0x201d: // ”
    case 0x201e: // „
    case 0x301d: // 〝
    case 0x301e: // 〞
      return 0x22;
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201a: // ‚
      return 0x27;
    default:
      return code;
  }
}

/** Build the folded view of a text with both offset maps. Linear time. */
export function foldText(source: string): FoldedText {
  const n = source.length;
  const units = new Uint16Array(n);
  const toSource = new Int32Array(n + 1);
  const fromSource = new Int32Array(n + 1);
  let len = 0;
  for (let j = 0; j < n; j++) {
    fromSource[j] = len;
    let code = source.charCodeAt(j);
    if (code >= 0xff01 && code <= 0xff5e)
      code -= 0xfee0; // foldWidth, inline: no folded copy of a long text
    else if (isIgnorable(code)) continue;
    units[len] = foldQuoteMark(code);
    toSource[len++] = j;
  }
  fromSource[n] = len;
  toSource[len] = n;
  return { text: decode(units, len), toSource: toSource.slice(0, len + 1), fromSource };
}

/** Strict: a lone surrogate throws rather than turning into U+FFFD (offsets must stay the source's). */
const utf16 = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le', { fatal: true }) : null;

/** The first `len` units as a flat string: one decoder call where available, else in chunks. */
function decode(units: Uint16Array, len: number): string {
  if (utf16 !== null && len > 4096) {
    try {
      return utf16.decode(units.subarray(0, len));
    } catch {
      // a lone surrogate: decoded unit by unit below
    }
  }
  return decodeUnits(units, 0, len);
}

/** The folded form of a short string (a quote, prefix or suffix), without maps. */
export function foldString(source: string): string {
  const widthFolded = foldWidth(source);
  let out = '';
  for (let j = 0; j < widthFolded.length; j++) {
    const code = widthFolded.charCodeAt(j);
    if (!isIgnorable(code)) out += String.fromCharCode(foldQuoteMark(code));
  }
  return out;
}
