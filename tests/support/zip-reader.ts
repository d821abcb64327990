/**
 * A ZIP reader for tests that open what the exporters write (PKWARE APPNOTE 6.3): STORE, and DEFLATE when
 * the caller hands in a raw inflater (`zlib.inflateRawSync`); sizes come from the central directory;
 * CRC-32 and sizes are checked.
 */
import { crc32 } from '../../lib/export/zip';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;

/**
 * The entries of an archive by name. DEFLATEd entries need `inflateRaw`; without it they are refused.
 * Throws on anything malformed: missing end record, bad signatures, out-of-range offsets, CRC or size
 * mismatch, encryption, ZIP64, duplicate names.
 */
export function readZip(bytes: Uint8Array, inflateRaw?: (data: Uint8Array) => Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (at: number, length: number) => {
    if (at < 0 || at + length > bytes.length) throw new Error('ZIP: truncated archive');
  };
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('ZIP: no end of central directory record');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new Error('ZIP: ZIP64 archives are not supported');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const out = new Map<string, Uint8Array>();
  for (let n = 0; n < count; n++) {
    need(at, 46);
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new Error(`ZIP: bad central directory entry ${n}`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const storedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    need(at + 46, nameLength);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1) throw new Error(`ZIP: ${name} is encrypted`);
    if (out.has(name)) throw new Error(`ZIP: duplicate entry ${name}`);

    need(localAt, 30);
    if (view.getUint32(localAt, true) !== LOCAL_HEADER) throw new Error(`ZIP: bad local header for ${name}`);
    const dataAt = localAt + 30 + view.getUint16(localAt + 26, true) + view.getUint16(localAt + 28, true);
    need(dataAt, storedSize);
    const stored = bytes.subarray(dataAt, dataAt + storedSize);
    let data: Uint8Array;
    if (method === METHOD_STORE) data = stored.slice();
    else if (method === METHOD_DEFLATE) {
      if (!inflateRaw) throw new Error(`ZIP: ${name} is DEFLATEd and no inflater was given`);
      data = inflateRaw(stored);
    } else throw new Error(`ZIP: ${name} uses unsupported method ${method}`);
    if (data.length !== size) throw new Error(`ZIP: ${name} is ${data.length} bytes, expected ${size}`);
    if (crc32(data) !== crc) throw new Error(`ZIP: CRC mismatch in ${name}`);
    out.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}
