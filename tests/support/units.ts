/**
 * Scoring units, as docs/labelling.md defines them: the analysed text split after 。！？； (and their ASCII
 * forms) and at line breaks; a unit's key is its text with all white space removed, which is what labels are
 * compared on.
 */
export interface Unit {
  /** Position in the document's list of units. */
  i: number;
  /** UTF-16 offsets into the analysed text, white space at either end left out. */
  start: number;
  end: number;
  text: string;
  key: string;
}

const ENDS = new Set(['。', '！', '？', '；', '!', '?', ';']);

export function unitKey(text: string): string {
  return text.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '');
}

export function splitUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let from = 0;
  const push = (end: number) => {
    let s = from;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    const slice = text.slice(s, e);
    const key = unitKey(slice);
    if (key) units.push({ i: units.length, start: s, end: e, text: slice, key });
  };
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch === '\n' || ch === '\r') {
      push(k);
      from = k + 1;
    } else if (ENDS.has(ch)) {
      // A closing quote or bracket right after the stop belongs to the sentence it closes.
      let e = k + 1;
      while (e < text.length && '”’」』）)'.includes(text[e])) e++;
      push(e);
      from = e;
      k = e - 1;
    }
  }
  push(text.length);
  return units;
}
