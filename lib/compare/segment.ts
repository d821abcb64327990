/**
 * Cut a notice into clause units and build the folded key every comparison works on.
 *
 * Why clauses and not whole sentences: local echoes of a central directive keep its clauses but rewrite the
 * lead-in of a sentence (`各级党委和纪检监察机关、组织人事部门要在疫情防控第一线考察…` against
 * `要在疫情防控第一线考察…`, or a sentence whose first half is the echo's own). Matching whole sentences
 * would miss those; clauses match and adjacent clauses merge back into passages afterwards.
 *
 * The key keeps letters and digits only (Han, Latin, digits, after `foldWidth` and ASCII lower-casing), so
 * `，` against `,`, `（` against `(`, quotes, stray spaces and line wrapping never make two passages differ.
 * `keyPos[k]` is the offset in the original text of `key[k]`: key ranges turn back into text offsets.
 */
import { decodeUnits, foldWidth } from '../text/normalise';

/** A clause: the key characters `key.slice(keyStart, keyEnd)`. Units partition the key, in reading order. */
export interface Unit {
  keyStart: number;
  keyEnd: number;
  /** First clause of a sentence (after 。！？；, a line break, or at the start of the text). */
  sentenceStart: boolean;
}

export interface SegmentedText {
  text: string;
  /** Letters and digits of the text, folded. */
  key: string;
  /** `keyPos[k]` is the offset of `key[k]` in `text`; increasing. */
  keyPos: Int32Array;
  /** Units with at least one key character (punctuation-only stretches belong to no unit). */
  units: Unit[];
}

/**
 * A clause longer than this many key characters also ends at 、 or a space: enumerations such as
 * `做好疫情监测、排查、预警、防控等工作` stay whole, but a list running on for a paragraph does not become one
 * unit that can only match as a whole.
 */
const SOFT_SPLIT_CHARS = 96;
/** Hard cap on a unit's key length (text without punctuation at all): keeps edit distances cheap. */
const HARD_SPLIT_CHARS = 256;

const enum Cut {
  None,
  /** 。！？；and line breaks: sentence ends. */
  Sentence,
  /** ，：between clauses (not inside numbers such as 1,000 or 10:30). */
  Clause,
  /** 、 and spaces: only in over-long clauses. */
  Soft,
}

/** Per code unit: 0 not yet known, 1 key character (letter or digit), 2 not. Filled lazily. */
const keyClass = new Uint8Array(0x10000);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True for code units that belong in the key: letters and digits of any script (surrogates count as letters). */
export function isKeyCode(code: number): boolean {
  let k = keyClass[code];
  if (k === 0) {
    if (code >= 0xd800 && code <= 0xdfff) k = 1;
    else k = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
    keyClass[code] = k;
  }
  return k === 1;
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** What the (width-folded) character at `i` does to the unit it ends. */
function cutAt(folded: string, i: number): Cut {
  const c = folded.charCodeAt(i);
  switch (c) {
    case 0x3002: // 。
    case 0xff61: // ｡
    case 0x21: // ！ folded
    case 0x3f: // ？ folded
    case 0x3b: // ； folded
    case 0x0a:
    case 0x0d:
    case 0x2028:
    case 0x2029:
      return Cut.Sentence;
    case 0x2c: // ， folded
    case 0x3a: // ： folded
      return isAsciiDigit(folded.charCodeAt(i - 1)) && isAsciiDigit(folded.charCodeAt(i + 1)) ? Cut.None : Cut.Clause;
    case 0x3001: // 、
    case 0xff64: // ､
    case 0x20:
      return Cut.Soft;
    default:
      return Cut.None;
  }
}

/** Cut `text` into clause units and build its key. Linear in the text length. */
export function segmentText(text: string): SegmentedText {
  const folded = foldWidth(text);
  const n = folded.length;
  const keyCodes = new Uint16Array(n);
  const keyPos = new Int32Array(n);
  const units: Unit[] = [];
  let len = 0;
  let unitStart = 0;
  let sentenceStart = true;
  for (let i = 0; i < n; i++) {
    let c = folded.charCodeAt(i);
    if (isKeyCode(c)) {
      if (c >= 0x41 && c <= 0x5a) c += 0x20; // ASCII lower case
      keyCodes[len] = c;
      keyPos[len++] = i;
      if (len - unitStart >= HARD_SPLIT_CHARS) {
        units.push({ keyStart: unitStart, keyEnd: len, sentenceStart });
        unitStart = len;
        sentenceStart = false;
      }
      continue;
    }
    const cut = cutAt(folded, i);
    if (len === unitStart) {
      // `，\n`: the line break still starts a sentence.
      if (cut === Cut.Sentence) sentenceStart = true;
      continue;
    }
    if (cut === Cut.Sentence || cut === Cut.Clause || (cut === Cut.Soft && len - unitStart >= SOFT_SPLIT_CHARS)) {
      units.push({ keyStart: unitStart, keyEnd: len, sentenceStart });
      unitStart = len;
      sentenceStart = cut === Cut.Sentence;
    }
  }
  if (len > unitStart) units.push({ keyStart: unitStart, keyEnd: len, sentenceStart });
  return { text, key: decodeUnits(keyCodes, 0, len), keyPos: keyPos.slice(0, len), units };
}

/** The text span of the key range [lo, hi): from its first key character to just after its last. */
export function keySpan(seg: SegmentedText, lo: number, hi: number): [number, number] {
  return [seg.keyPos[lo], seg.keyPos[hi - 1] + 1];
}
