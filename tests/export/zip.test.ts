import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, zip } from '../../lib/export/zip';
import { readZip } from '../support/zip-reader';

const encoder = new TextEncoder();
const inflate = (data: Uint8Array) => new Uint8Array(inflateRawSync(data));

const entries = () => [
  { name: 'word/document.xml', data: encoder.encode('<a>'.concat('公文透镜'.repeat(500), '</a>')) },
  { name: '批注/说明.txt', data: encoder.encode('中文文件名 ✓ 😀\n'.repeat(20)) },
  { name: 'empty.bin', data: new Uint8Array(0) },
  { name: 'random.bin', data: Uint8Array.from({ length: 64 }, (_, i) => (i * 151 + 7) % 256) },
];

/** The archive with every entry STOREd. */
const stored = () => zip(entries(), { deflate: false });

/** The compression method of each local header, in order. */
function methods(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: number[] = [];
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    expect(view.getUint16(at + 6, true) & 0x0800).toBe(0x0800); // UTF-8 names
    out.push(view.getUint16(at + 8, true));
    at += 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true) + view.getUint32(at + 18, true);
  }
  return out;
}

/** Python's zipfile, an independent reader: CRCs checked, names and contents listed as JSON. */
function pythonRead(bytes: Uint8Array): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'nl-zip-'));
  const file = path.join(dir, 'test.zip');
  writeFileSync(file, bytes);
  const script = [
    'import zipfile, sys, json',
    'z = zipfile.ZipFile(sys.argv[1])',
    'bad = z.testzip()',
    'assert bad is None, bad',
    'print(json.dumps({i.filename: z.read(i).hex() for i in z.infolist()}))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as Record<string, string>;
}

const hex = (data: Uint8Array) => Buffer.from(data).toString('hex');

describe('zip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(encoder.encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('STOREs entries that read back identically, here and in Python', async () => {
    const bytes = await stored();
    expect(methods(bytes)).toEqual([0, 0, 0, 0]);
    const read = readZip(bytes);
    expect([...read.keys()]).toEqual(entries().map((e) => e.name));
    for (const e of entries()) expect(read.get(e.name)).toEqual(e.data);
    const py = pythonRead(bytes);
    for (const e of entries()) expect(py[e.name]).toBe(hex(e.data));
  });

  it('DEFLATEs what compresses, STOREs what does not, and Python agrees', async () => {
    const bytes = await zip(entries());
    expect(methods(bytes)).toEqual([8, 8, 0, 0]);
    expect(bytes.length).toBeLessThan((await stored()).length);
    const read = readZip(bytes, inflate);
    for (const e of entries()) expect(read.get(e.name)).toEqual(e.data);
    const py = pythonRead(bytes);
    for (const e of entries()) expect(py[e.name]).toBe(hex(e.data));
  });

  it('gives the same bytes for the same input', async () => {
    expect(hex(await zip(entries()))).toBe(hex(await zip(entries())));
  });

  it('refuses corrupt archives', async () => {
    const plain = await stored();
    const flipped = plain.slice();
    flipped[30 + 'word/document.xml'.length + 5] ^= 0xff;
    expect(() => readZip(flipped)).toThrow(/CRC mismatch in word\/document.xml/);
    expect(() => readZip(plain.slice(0, plain.length - 10))).toThrow(/no end of central directory/);
    expect(() => readZip(plain.slice(100))).toThrow(/ZIP:/);
    const deflated = await zip(entries());
    expect(() => readZip(deflated)).toThrow(/no inflater/);
  });

  it('refuses unsafe or duplicate entry names', async () => {
    const data = new Uint8Array(1);
    await expect(zip([{ name: '../evil', data }])).rejects.toThrow(/bad entry name/);
    await expect(zip([{ name: '/abs', data }])).rejects.toThrow(/bad entry name/);
    await expect(
      zip([
        { name: 'a', data },
        { name: 'a', data },
      ]),
    ).rejects.toThrow(/duplicate/);
  });
});
