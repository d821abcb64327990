/**
 * Large libraries for the fault tests: a W3C JSON export file with many notices and annotations, so that
 * importing or exporting it takes long enough to interrupt on purpose.
 */
import { toW3CJson, type ExportItem } from '../../lib/export';
import { noticeId } from '../../lib/identity';
import { emptyMetadata, type Annotation, type SavedNotice } from '../../lib/types';
import { seed } from './harness';

const SEEDS = [
  '000_539b2a5a56109cc5.txt',
  '001_7a46141c47266846.txt',
  '002_2386fa277481c7d6.txt',
  '003_c9608edf68f48eb1.txt',
  '004_b2e78ef3420a5e86.txt',
];

/** `count` notices (seed texts, each made distinct) with `perNotice` annotations each, as export items. */
export function bigLibrary(count: number, perNotice: number, label = '批量'): ExportItem[] {
  const texts = SEEDS.map((s) => seed(s).replace(/\r/g, ''));
  // Files with different labels never share a URL or an annotation id.
  const tag = [...label].map((c) => c.codePointAt(0)!.toString(16)).join('');
  const items: ExportItem[] = [];
  for (let i = 0; i < count; i++) {
    const base = texts[i % texts.length];
    const text = `${label}第${i}号通知。\n${base}\n${base}\n附：第${i}号补充说明。`;
    const url = `https://www.gov.cn/zhengce/content/2023-0${(i % 9) + 1}/${String(i).padStart(2, '0')}/content_${tag}_${700000 + i}.htm`;
    const metadata = {
      ...emptyMetadata(),
      title: `${label}关于第${i}号事项的通知`,
      docNumber: `${label}发〔2023〕${i + 1}号`,
      issuers: ['某县人民政府办公室'],
      docType: '通知',
    };
    const id = noticeId(metadata, url);
    const created = 1_690_000_000_000 + i * 1000;
    const notice: SavedNotice = {
      id,
      urls: [url],
      metadata,
      text,
      outline: [],
      obligations: [],
      site: 'govcn',
      saved: true,
      tags: [label],
      createdAt: created,
      updatedAt: created + 500,
    };
    const annotations: Annotation[] = [];
    for (let j = 0; j < perNotice; j++) {
      const start = (j * 37) % Math.max(1, text.length - 20);
      const quote = text.slice(start, start + 12);
      annotations.push({
        id: `${tag}-${i}-${j}-0000-4000-8000-000000000000`,
        noticeId: id,
        colour: (['yellow', 'green', 'blue', 'pink', 'purple'] as const)[j % 5],
        note: `${label}批注 ${i}.${j}`,
        tags: [`标签${j % 3}`],
        selectors: [
          {
            type: 'TextQuoteSelector',
            exact: quote,
            prefix: text.slice(Math.max(0, start - 8), start),
            suffix: text.slice(start + 12, start + 20),
          },
          { type: 'TextPositionSelector', start, end: start + quote.length },
        ],
        quote,
        createdAt: created + j,
        updatedAt: created + j,
        deletedAt: null,
      });
    }
    items.push({ notice, annotations });
  }
  return items;
}

export function bigLibraryFile(count: number, perNotice: number, label?: string): string {
  return toW3CJson(bigLibrary(count, perNotice, label));
}
