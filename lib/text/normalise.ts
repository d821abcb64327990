/**
 * Text normalisation for notices, with a map back to the source.
 *
 * Notices arrive with defects that break matching and display: U+3000 and no-break-space indents,
 * stray ASCII spaces inside Chinese words left by line wrapping (`疫 情防控`), whole notices glued on one
 * line with `\u3000\u3000` paragraph indents, titles printed twice, CRLF, zero-width characters. Every later
 * stage (detection, metadata, clauses, anchoring) works on the normalised text; `map` turns its
 * offsets back into source offsets so highlights land on the page's own characters.
 *
 * Punctuation width is kept as printed (the analyst sees the page's text); use `foldWidth` for
 * matching, which is length-preserving so offsets stay valid.
 */

export interface NormalisedText {
  text: string;
  /** `map[i]` is the source offset of `text[i]`; `map[text.length]` is the source length. */
  map: Int32Array;
}

const enum Kind {
  Other,
  Space,
  Break,
  Drop,
}

function kindOf(code: number): Kind {
  switch (code) {
    case 0x20:
    case 0x09:
    case 0x0b:
    case 0x0c:
    case 0xa0:
    case 0x3000:
    case 0x202f:
    case 0x205f:
    case 0x1680:
      return Kind.Space;
    case 0x0a:
    case 0x0d:
    case 0x2028:
    case 0x2029:
    case 0x85:
      return Kind.Break;
    case 0x200b:
    case 0x200c:
    case 0x200d:
    case 0x2060:
    case 0xfeff:
    case 0xad:
      return Kind.Drop;
    default:
      if (code >= 0x2000 && code <= 0x200a) return Kind.Space;
      if (code < 0x20 || code === 0x7f) return Kind.Drop;
      return Kind.Other;
  }
}

/** Han ideographs (BMP blocks; astral ideographs are rare in notices and count as "other"). */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    code === 0x3007 // 〇
  );
}

/** CJK punctuation and full-width forms: a stray space next to these is never meaningful. */
function isCjkPunct(code: number): boolean {
  return (
    (code >= 0x3001 && code <= 0x303f) ||
    (code >= 0xff01 && code <= 0xff65) ||
    code === 0x2014 ||
    code === 0x2026 ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0xb7
  );
}

function isCjk(code: number): boolean {
  return isHan(code) || isCjkPunct(code);
}

function isDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** Characters after which a run of indent spaces starts a new paragraph (seed texts glued on one line). */
function endsParagraph(code: number): boolean {
  return (
    code === 0x3002 || // 。
    code === 0xff1a || // ：
    code === 0x3a || // :
    code === 0xff1b || // ；
    code === 0xff01 || // ！
    code === 0xff1f || // ？
    code === 0x201d || // ”
    code === 0x300d || // 」
    code === 0x300f || // 』
    code === 0x2e // .
  );
}

const NUMERAL = /[0-9一二三四五六七八九十百千零〇两]/;

/** True when the output ends in 第X条 / 第X章 / 第X节 / 第X编 at the start of its line. */
function endsArticleLabel(out: Uint16Array, len: number): boolean {
  const last = out[len - 1];
  if (last !== 0x6761 && last !== 0x7ae0 && last !== 0x8282 && last !== 0x7f16) return false; // 条 章 节 编
  let p = len - 2;
  let digits = 0;
  while (p >= 0 && digits < 10 && NUMERAL.test(String.fromCharCode(out[p]))) {
    p--;
    digits++;
  }
  if (digits === 0 || p < 0 || out[p] !== 0x7b2c) return false; // 第
  return p === 0 || out[p - 1] === 0x0a;
}

/** True when the surrogate `code` at `i` is half of a pair in `s` (a high one followed by a low one). */
function isPairedSurrogate(s: string, i: number, code: number): boolean {
  if (code <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff;
  }
  const prev = s.charCodeAt(i - 1);
  return prev >= 0xd800 && prev <= 0xdbff;
}

/**
 * `s` with every lone surrogate replaced by U+FFFD, one code unit for one (offsets stay valid), as a
 * UTF-8 encoder would: the text is then well-formed and can be written as UTF-8 and strict JSON.
 */
export function wellFormed(s: string): string {
  if (!/[\uD800-\uDFFF]/.test(s)) return s;
  let out = '';
  let from = 0;
  for (let i = loneSurrogateAt(s); i >= 0; i = loneSurrogateAt(s, i + 1)) {
    out += `${s.slice(from, i)}\uFFFD`;
    from = i + 1;
  }
  return out + s.slice(from);
}

/** Offset of the first lone surrogate in `s` at or after `from`, or -1 when there is none. */
export function loneSurrogateAt(s: string, from = 0): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

/**
 * Normalise a notice's text: one paragraph per line, no indents, no stray spaces in Chinese,
 * no repeated title line, no body printed twice, no lone surrogate (each becomes U+FFFD: a page's
 * script can put half a character into the DOM, and such text cannot be written as UTF-8).
 * Runs in linear time on any input.
 */
export function normaliseText(source: string): NormalisedText {
  const n = source.length;
  const out = new Uint16Array(n + 1);
  const map = new Int32Array(n + 1);
  let len = 0;
  // Offsets in `out` where each output line starts, to drop repeated lines afterwards.
  const lineStarts: number[] = [0];

  let i = 0;
  while (i < n) {
    const code = source.charCodeAt(i);
    const kind = kindOf(code);
    if (kind === Kind.Other) {
      out[len] = code >= 0xd800 && code <= 0xdfff && !isPairedSurrogate(source, i, code) ? 0xfffd : code;
      map[len++] = i++;
      continue;
    }
    if (kind === Kind.Drop) {
      i++;
      continue;
    }
    // A run of spaces and breaks: decide what it becomes from its content and neighbours.
    const runStart = i;
    let breaks = 0;
    let ideoSpaces = 0;
    let spaces = 0;
    let crlfPending = false;
    while (i < n) {
      const c = source.charCodeAt(i);
      const k = kindOf(c);
      if (k === Kind.Other) break;
      if (k === Kind.Break) {
        // \r\n counts once.
        if (c === 0x0a && crlfPending) crlfPending = false;
        else breaks++;
        crlfPending = c === 0x0d;
        ideoSpaces = 0; // indents of the next line say nothing about the break
      } else if (k === Kind.Space) {
        crlfPending = false;
        spaces++;
        if (c === 0x3000 || c === 0xa0) ideoSpaces++;
      }
      i++;
    }
    const atLineStart = len === 0 || out[len - 1] === 0x0a;
    const atEnd = i >= n;
    if (breaks > 0 || atEnd) {
      if (!atLineStart && !atEnd) {
        out[len] = 0x0a;
        map[len++] = runStart;
        lineStarts.push(len);
      } else if (!atLineStart && atEnd) {
        // trailing whitespace: dropped
      }
      continue;
    }
    if (atLineStart || spaces === 0) continue;
    const prev = out[len - 1];
    const next = source.charCodeAt(i);
    // `通知如下。\u3000\u3000一、…`: an indent inside a line is a lost paragraph break.
    if (ideoSpaces >= 2 && endsParagraph(prev)) {
      out[len] = 0x0a;
      map[len++] = runStart;
      lineStarts.push(len);
      continue;
    }
    // `疫 情防控`, `第\u3000156\u3000号`, `局\u3000长\u3000支树平`: spaces inside Chinese carry no meaning.
    const prevCjk = isCjk(prev);
    const nextCjk = isCjk(next);
    if (endsArticleLabel(out, len)) {
      // `第一条\u3000为了…`: the space after an article or chapter number is the conventional separator.
      out[len] = 0x20;
      map[len++] = runStart;
      continue;
    }
    if (spaces <= 3 && ((prevCjk && (nextCjk || isDigit(next))) || (nextCjk && isDigit(prev)))) continue;
    out[len] = 0x20;
    map[len++] = runStart;
  }
  map[len] = n;
  lineStarts.push(len + 1);

  return dropRepeats(out, map, len, lineStarts, n);
}

/**
 * Drop a line identical to the one before it (pkulaw exports print the title twice) and a body printed
 * twice in a row (gov.cn's current template). Both are copies; the first one is kept.
 */
function dropRepeats(
  out: Uint16Array,
  map: Int32Array,
  len: number,
  lineStarts: number[],
  sourceLength: number,
): NormalisedText {
  const lineCount = lineStarts.length - 1;
  const lines = new Array<string>(lineCount);
  for (let l = 0; l < lineCount; l++) {
    const s = lineStarts[l];
    const e = Math.min(lineStarts[l + 1] - 1, len); // exclude the '\n'
    lines[l] = decodeUnits(out, s, e);
  }
  const keep = new Uint8Array(lineCount).fill(1);
  for (let l = 1; l < lineCount; l++) {
    if (lines[l].length >= 4 && lines[l] === lines[l - 1]) keep[l] = 0;
  }
  // Whole body twice: the second half of the kept lines equals the first half.
  const kept: number[] = [];
  for (let l = 0; l < lineCount; l++) if (keep[l]) kept.push(l);
  const half = kept.length >> 1;
  if (kept.length >= 4 && kept.length % 2 === 0) {
    let same = true;
    for (let k = 0; k < half && same; k++) same = lines[kept[k]] === lines[kept[k + half]];
    if (same) for (let k = half; k < kept.length; k++) keep[kept[k]] = 0;
  }
  let dropped = false;
  for (let l = 0; l < lineCount; l++) if (!keep[l]) dropped = true;
  if (!dropped) return { text: decodeUnits(out, 0, len), map: map.slice(0, len + 1) };

  const parts: string[] = [];
  const newMap = new Int32Array(len + 1);
  let pos = 0;
  for (let l = 0; l < lineCount; l++) {
    if (!keep[l]) continue;
    const s = lineStarts[l];
    const e = Math.min(lineStarts[l + 1] - 1, len);
    if (parts.length > 0) {
      parts.push('\n');
      newMap[pos++] = map[s - 1];
    }
    parts.push(lines[l]);
    newMap.set(map.subarray(s, e), pos);
    pos += e - s;
  }
  newMap[pos] = sourceLength;
  return { text: parts.join(''), map: newMap.slice(0, pos + 1) };
}

/** UTF-16 code units codes[start, end) as a string, decoded in chunks (no argument-count limit on long texts). */
export function decodeUnits(codes: Uint16Array, start: number, end: number): string {
  let s = '';
  const CHUNK = 8192;
  for (let p = start; p < end; p += CHUNK) {
    s += String.fromCharCode.apply(null, codes.subarray(p, Math.min(end, p + CHUNK)) as unknown as number[]);
  }
  return s;
}

/**
 * Fold full-width ASCII forms (，：；（）０-９Ａ-Ｚ) to their half-width letters, one code unit for one,
 * so patterns can be written once and offsets into the folded string are offsets into the original.
 */
export function foldWidth(text: string): string {
  let needs = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
      needs = true;
      break;
    }
  }
  if (!needs) return text;
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x3000 ? 0x20 : c;
  }
  return decodeUnits(out, 0, out.length);
}

/** Offsets in the normalised text back to the source: [map[start], map[end - 1] + 1). */
export function sourceSpan(norm: NormalisedText, start: number, end: number): [number, number] {
  if (end <= start) return [norm.map[start], norm.map[start]];
  return [norm.map[start], norm.map[end - 1] + 1];
}
