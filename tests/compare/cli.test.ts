import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseFileContent } from '../../lib/cli/analyze';
import { compareFiles, main } from '../../lib/cli/compare';
import { SEEDS_DIR, SEED_FILES } from './helpers';

const files = SEED_FILES.map((f) => resolve(SEEDS_DIR, f));

/** The analysed text of a file, as `npm run analyze` prints it. */
async function analysedText(file: string): Promise<string> {
  const record = analyseFileContent(file, await readFile(file, 'utf8'), null);
  if ('error' in record) throw new Error(record.error);
  return record.text;
}

describe('npm run compare', () => {
  it('compares the seed files: documents in argument order, one pair per unordered pair, offsets into the analysed texts', async () => {
    const out = await compareFiles(files);
    expect(out.documents.map((d) => d.file)).toEqual(files);
    expect(out.documents[2].title).toBe('中共北京市委关于加强党的领导、为打赢疫情防控阻击战提供坚强政治保证的通知');
    // Titles are the analyser's metadata.title (004 opens with 通知指出 and has none it can name).
    expect(out.documents.every((d) => d.error === undefined && (d.title === null || typeof d.title === 'string'))).toBe(
      true,
    );
    expect(out.pairs.map((p) => `${p.a}-${p.b}`)).toEqual([
      '0-1',
      '0-2',
      '0-3',
      '0-4',
      '1-2',
      '1-3',
      '1-4',
      '2-3',
      '2-4',
      '3-4',
    ]);
    const texts = await Promise.all(files.map(analysedText));
    for (const p of out.pairs) {
      expect(p.similarity).toBeGreaterThan(0);
      expect(p.similarity).toBeLessThan(1);
      for (const q of p.passages) {
        expect(q.aText).toBe(texts[p.a].slice(q.aStart, q.aEnd));
        expect(q.bText).toBe(texts[p.b].slice(q.bStart, q.bEnd));
      }
    }
    const beijingNingbo = out.pairs.find((p) => p.a === 1 && p.b === 2)!;
    expect(
      beijingNingbo.passages.some(
        (q) => q.kind === 'reworded' && q.aText.includes('作风飘浮') && q.bText.includes('作风漂浮'),
      ),
    ).toBe(true);
  });

  it('keeps an unreadable file in its place with an error, and leaves it out of the pairs', async () => {
    const missing = resolve(SEEDS_DIR, 'no-such-notice.txt');
    const out = await compareFiles([files[0], missing, files[2]]);
    expect(out.documents[1]).toEqual({ file: missing, title: null, error: 'file not found' });
    expect(out.pairs.map((p) => `${p.a}-${p.b}`)).toEqual(['0-2']);
    expect(out.pairs[0].passages.length).toBeGreaterThan(0);
  });

  it('prints one JSON object, and exits 2 on fewer than two files or an unknown option', async () => {
    let printed = '';
    expect(await main([files[0], files[1]], (s) => (printed += s))).toBe(0);
    const json = JSON.parse(printed) as { pairs: { passages: object[] }[] };
    expect(Object.keys(json)).toEqual(['documents', 'pairs']);
    expect(json.pairs).toHaveLength(1);
    expect(Object.keys(json.pairs[0].passages[0])).toEqual([
      'kind',
      'aStart',
      'aEnd',
      'bStart',
      'bEnd',
      'aText',
      'bText',
    ]);
    expect(await main([files[0]], () => undefined)).toBe(2);
    expect(await main([], () => undefined)).toBe(2);
    expect(await main(['--frobnicate', files[0], files[1]], () => undefined)).toBe(2);
  });
});
