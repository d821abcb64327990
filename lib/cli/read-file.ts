import { readFile, stat } from 'node:fs/promises';

/** Files larger than this are refused rather than read into memory. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Read a file as text: UTF-8 first (with or without BOM), then GB18030, which covers the GBK and GB2312
 * pages older government sites still serve. Returns a clear error instead of throwing.
 */
export async function readTextFile(path: string): Promise<{ text: string } | { error: string }> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { error: 'not a regular file' };
    if (info.size > MAX_FILE_BYTES) return { error: `file too large (${info.size} bytes; limit ${MAX_FILE_BYTES})` };
    const bytes = await readFile(path);
    return { text: decodeText(bytes) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { error: 'file not found' };
    if (err.code === 'EACCES') return { error: 'permission denied' };
    return { error: `cannot read file: ${err.message}` };
  }
}

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
}
