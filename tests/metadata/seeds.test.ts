/**
 * readMetadata on the seed notices (plain text, no labels) beyond the records and closing blocks each seed's
 * expected.json states (tests/fixtures/seed-NNN, walked by fixtures.test.ts): expected values written by
 * reading the seeds, not copied from the code's output.
 */
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../lib/metadata';
import { seedText } from './fixture-text';

describe('readMetadata on the seeds', () => {
  it('002: one glued line; the normaliser splits the 主送 from the body', () => {
    const text = seedText('002');
    // The normaliser splits the glued 主送 from the body at `：` followed by ideographic spaces (U+3000).
    expect(text.split('\n')[1]).toBe(
      '各区委，市委各部委办，市国家机关各党组(党委)，各人民团体党组，各总公司和高等院校党委：',
    );
  });

  it('the 署名 gives the issuers when the title names none', () => {
    const text = seedText('000').replace('中国银保监会党委办公室关于', '关于');
    expect(readMetadata({ text }).issuers).toEqual(['银保监会党委办公室']);
  });

  it('input.url wins over the 原文链接 line', () => {
    expect(readMetadata({ text: seedText('000'), url: 'https://example.org/n/1' }).url).toBe('https://example.org/n/1');
  });
});
