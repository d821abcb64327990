/**
 * A small ZIP writer (PKWARE APPNOTE 6.3), enough for an Office Open XML package. No dependency: a .docx
 * is a handful of XML files, and a ZIP of them is a few headers.
 *
 * Writing: STORE, or DEFLATE through the platform's `CompressionStream('deflate-raw')` (Chrome 103,
 * Firefox 113, Safari 16.4, Node 20) when it exists and actually saves space. Names are UTF-8 with
 * general-purpose flag bit 11 set. Timestamps are fixed (1980-01-01 00:00, the DOS epoch) unless given, so
 * the same input gives the same bytes. No ZIP64: more than 65,535 entries or 4 GiB is refused.
 */

export interface ZipEntry {
  /** Path inside the archive, `/`-separated, no leading slash. */
  name: string;
  data: Uint8Array;
}

export interface ZipOptions {
  /** Compress with DEFLATE when the platform can (default true). */
  deflate?: boolean;
  /** Modification time written for every entry (default 1980-01-01 00:00 local). */
  modified?: Date;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const FLAG_UTF8 = 0x0800;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const VERSION = 20; // 2.0: DEFLATE and folders

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, the one ZIP and PNG use) of the bytes. */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function dosDateTime(d: Date | undefined): { time: number; date: number } {
  if (!d || d.getFullYear() < 1980) return { time: 0, date: (0 << 9) | (1 << 5) | 1 };
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Raw DEFLATE through CompressionStream, or null when the platform has none. */
async function deflateRaw(data: Uint8Array): Promise<Uint8Array | null> {
  let stream: CompressionStream;
  try {
    stream = new CompressionStream('deflate-raw');
  } catch {
    return null; // Not defined, or 'deflate-raw' unsupported (Node < 20.12, old browsers).
  }
  const writer = stream.writable.getWriter();
  // Write and read at the same time: awaiting the write first can stall on back-pressure.
  const written = writer.write(new Uint8Array(data)).then(() => writer.close());
  written.catch(() => undefined); // A failure also errors the readable side, where it is thrown.
  const chunks: Uint8Array[] = [];
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  await written;
  return concat(chunks);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

interface PreparedEntry {
  name: Uint8Array;
  method: number;
  crc: number;
  size: number;
  stored: Uint8Array;
}

function assemble(entries: readonly PreparedEntry[], modified: Date | undefined): Uint8Array {
  if (entries.length > 0xffff) throw new Error('ZIP: more than 65,535 entries needs ZIP64, which is not supported');
  const { time, date } = dosDateTime(modified);
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, LOCAL_HEADER, true);
    local.setUint16(4, VERSION, true);
    local.setUint16(6, FLAG_UTF8, true);
    local.setUint16(8, e.method, true);
    local.setUint16(10, time, true);
    local.setUint16(12, date, true);
    local.setUint32(14, e.crc, true);
    local.setUint32(18, e.stored.length, true);
    local.setUint32(22, e.size, true);
    local.setUint16(26, e.name.length, true);
    local.setUint16(28, 0, true);
    parts.push(new Uint8Array(local.buffer), e.name, e.stored);

    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, CENTRAL_HEADER, true);
    c.setUint16(4, VERSION, true); // made by: MS-DOS/FAT attributes, spec 2.0
    c.setUint16(6, VERSION, true);
    c.setUint16(8, FLAG_UTF8, true);
    c.setUint16(10, e.method, true);
    c.setUint16(12, time, true);
    c.setUint16(14, date, true);
    c.setUint32(16, e.crc, true);
    c.setUint32(20, e.stored.length, true);
    c.setUint32(24, e.size, true);
    c.setUint16(28, e.name.length, true);
    // extra length, comment length, disk number, internal and external attributes: all 0
    c.setUint32(42, offset, true);
    central.push(new Uint8Array(c.buffer), e.name);

    offset += 30 + e.name.length + e.stored.length;
    if (offset > 0xffffffff) throw new Error('ZIP: archives over 4 GiB need ZIP64, which is not supported');
  }
  const centralBytes = concat(central);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralBytes.length, true);
  end.setUint32(16, offset, true);
  return concat([...parts, centralBytes, new Uint8Array(end.buffer)]);
}

function checkNames(entries: readonly ZipEntry[]): void {
  const seen = new Set<string>();
  for (const { name } of entries) {
    if (name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) {
      throw new Error(`ZIP: bad entry name ${JSON.stringify(name)}`);
    }
    if (seen.has(name)) throw new Error(`ZIP: duplicate entry name ${JSON.stringify(name)}`);
    seen.add(name);
  }
}

/** An archive with entries DEFLATEd where the platform can and it helps, else STOREd. */
export async function zip(entries: readonly ZipEntry[], options: ZipOptions = {}): Promise<Uint8Array> {
  checkNames(entries);
  const encoder = new TextEncoder();
  const prepared: PreparedEntry[] = [];
  for (const e of entries) {
    const deflated = options.deflate === false ? null : await deflateRaw(e.data);
    const useDeflate = deflated !== null && deflated.length < e.data.length;
    prepared.push({
      name: encoder.encode(e.name),
      method: useDeflate ? METHOD_DEFLATE : METHOD_STORE,
      crc: crc32(e.data),
      size: e.data.length,
      stored: useDeflate ? deflated : e.data,
    });
  }
  return assemble(prepared, options.modified);
}
