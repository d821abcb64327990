// Draws the toolbar icon (a document with a highlighted line) as PNGs, with no dependencies.
// Run once when the design changes: node scripts/make-icons.mjs
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const red = [178, 34, 34, 255],
  paper = [255, 253, 246, 255],
  ink = [90, 90, 90, 255],
  mark = [255, 214, 64, 255],
  none = [0, 0, 0, 0];
function icon(x, y) {
  if (x < 0.14 || x > 0.86 || y < 0.06 || y > 0.94) return none;
  if (x < 0.2 || x > 0.8 || y < 0.12 || y > 0.88) return red;
  if (y > 0.2 && y < 0.28 && x > 0.3 && x < 0.7) return red; // title line
  for (const [top, left, right, hl] of [
    [0.38, 0.28, 0.72, false],
    [0.5, 0.28, 0.72, true],
    [0.62, 0.28, 0.72, false],
    [0.74, 0.28, 0.56, false],
  ]) {
    if (hl && y > top - 0.045 && y < top + 0.085 && x > left - 0.03 && x < right + 0.03)
      return y > top && y < top + 0.04 ? ink : mark;
    if (y > top && y < top + 0.04 && x > left && x < right) return ink;
  }
  return paper;
}
mkdirSync('public/icon', { recursive: true });
for (const s of [16, 32, 48, 128]) writeFileSync(`public/icon/${s}.png`, png(s, icon));
