/**
 * Lines of the normalised text with their offsets. The normaliser puts one paragraph on each line, so
 * "a line" is the unit every head and closing rule below talks about (title line, 文号 line, 主送 line,
 * 署名 line, date line).
 */

export interface Line {
  text: string;
  /** Offset of the line's first character in the text. */
  start: number;
}

/** Split at '\n' (the normaliser's only break), trimming ASCII/ideographic spaces at both ends of each line. */
export function splitLines(text: string, maxLines = Infinity): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  while (pos <= text.length && lines.length < maxLines) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const s = trimStart(text, pos, end);
    lines.push({ text: text.slice(s, trimEnd(text, s, end)), start: s });
    pos = end + 1;
  }
  return lines;
}

/** Spaces that may survive normalisation (or come from an unnormalised caller) at a line's edges. */
export function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x3000 || code === 0xa0;
}

/** The first offset in text[s, e) that is not blank (`isBlank`), or `e`. */
export function trimStart(text: string, s: number, e: number): number {
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  return s;
}

/** The offset after the last character in text[s, e) that is not blank, or `s`. */
export function trimEnd(text: string, s: number, e: number): number {
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  return e;
}

/** Drop every kind of whitespace (ASCII, U+3000, NBSP, line breaks). */
export function removeSpaces(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, '');
}

/**
 * The last `count` lines of `text` (in order), found from the end without splitting the whole text.
 * `before` limits the search to text[0, before).
 */
export function lastLines(text: string, count: number, before = text.length): Line[] {
  const out: Line[] = [];
  let end = before;
  while (out.length < count && end >= 0) {
    const nl = end > 0 ? text.lastIndexOf('\n', end - 1) : -1;
    const s = trimStart(text, nl + 1, end);
    out.push({ text: text.slice(s, trimEnd(text, s, end)), start: s });
    if (nl < 0) break;
    end = nl;
  }
  return out.reverse();
}
