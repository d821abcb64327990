import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  annotationLocation,
  chineseDate,
  citeAnnotation,
  citePassage,
  noticeReference,
  toCslJson,
  toRis,
} from '../../lib/export/citation';
import { emptyMetadata, type SavedNotice } from '../../lib/types';
import { URL_A, noticeA, noticeB } from './fixtures';

/** The State Council notice analysts cite most in these tests: every field a citation uses is known. */
function stateCouncil(): SavedNotice {
  const base = noticeB().notice;
  return {
    ...base,
    id: 'num:国发〔2019〕5号',
    urls: ['https://www.gov.cn/zhengce/content/2019-01/24/content_5360867.htm'],
    metadata: emptyMetadata({
      title: '国务院关于印发国家职业教育改革实施方案的通知',
      docType: '通知',
      docNumber: '国发〔2019〕5号',
      issuers: ['国务院'],
      signedDate: '2019-01-24',
      publishedDate: '2019-02-13',
      citationCode: 'CLI.2.327311',
    }),
  };
}

describe('a passage with its citation, as analysts paste it into reports', () => {
  it('quote, title, 发文字号, location, date written out, link', () => {
    expect(citePassage('各地区、各部门要\n认真贯彻执行。', stateCouncil(), '第三条')).toBe(
      '“各地区、各部门要 认真贯彻执行。”（《国务院关于印发国家职业教育改革实施方案的通知》（国发〔2019〕5号）第三条，2019年1月24日，https://www.gov.cn/zhengce/content/2019-01/24/content_5360867.htm）',
    );
  });

  it('a structural path is run together; no link gives the 法宝引证码; unknowns are left out', () => {
    const n = stateCouncil();
    const offline = { ...n, urls: [], metadata: { ...n.metadata, url: null } };
    expect(noticeReference(offline, '一、/（二）')).toBe(
      '《国务院关于印发国家职业教育改革实施方案的通知》（国发〔2019〕5号）一、（二），2019年1月24日，【法宝引证码】CLI.2.327311',
    );
    const bare = { ...n, urls: [], metadata: emptyMetadata({ title: '关于做好防汛工作的通知' }) };
    expect(noticeReference(bare)).toBe('《关于做好防汛工作的通知》');
    expect(chineseDate('2020-03-05')).toBe('2020年3月5日');
  });

  it('an annotation is cited at the location of the clause it falls in, else its section', () => {
    const a = noticeA();
    const notice = {
      ...a.notice,
      obligations: a.notice.obligations.map((c, i) => ({ ...c, location: i === 0 ? '一、' : null })),
    };
    const inClause = a.annotations[0];
    expect(annotationLocation(inClause, notice)).toBe('一、');
    const text = citeAnnotation(inClause, notice);
    expect(text.startsWith(`“${inClause.quote}”（《`)).toBe(true);
    expect(text).toContain('（银保监党办发〔2020〕3号）一、，2020年1月29日，');
    expect(text.endsWith(`${URL_A}）`)).toBe(true);
    const outside = { ...notice, obligations: [] };
    expect(annotationLocation(inClause, outside)).toBe('三');
  });
});

/** A small CSL style of our own: authority, title, number, date, URL. */
const STYLE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="zh-CN">
  <info><title>Notice Lens test style</title><id>notice-lens-test</id><updated>2025-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout>
      <group delimiter="，">
        <text variable="authority"/>
        <text variable="title" prefix="《" suffix="》"/>
        <text variable="number"/>
        <date variable="issued">
          <date-part name="year" suffix="年"/>
          <date-part name="month" form="numeric" suffix="月"/>
          <date-part name="day" suffix="日"/>
        </date>
        <text variable="URL"/>
      </group>
    </layout>
  </bibliography>
</style>`;

const LOCALE = `<?xml version="1.0" encoding="utf-8"?>
<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="zh-CN">
  <style-options punctuation-in-quote="false"/>
  <date form="text"><date-part name="year"/></date>
  <date form="numeric"><date-part name="year"/></date>
  <terms/>
</locale>`;

interface CiteprocEngine {
  updateItems(ids: string[]): void;
  makeBibliography(): [unknown, string[]];
}
interface Citeproc {
  Engine: new (
    sys: { retrieveLocale(lang: string): string; retrieveItem(id: string): unknown },
    style: string,
    lang?: string,
    forceLang?: boolean,
  ) => CiteprocEngine;
}

describe('reference-manager records', () => {
  it('CSL-JSON imports into citeproc-js and renders a bibliography entry', () => {
    const items = JSON.parse(toCslJson([stateCouncil()])) as Array<{ id: string }>;
    expect(items[0]).toMatchObject({
      type: 'legislation',
      title: '国务院关于印发国家职业教育改革实施方案的通知',
      authority: '国务院',
      number: '国发〔2019〕5号',
      issued: { 'date-parts': [[2019, 1, 24]] },
      'available-date': { 'date-parts': [[2019, 2, 13]] },
      URL: 'https://www.gov.cn/zhengce/content/2019-01/24/content_5360867.htm',
    });
    const CSL = createRequire(import.meta.url)('citeproc') as Citeproc;
    const engine = new CSL.Engine(
      { retrieveLocale: () => LOCALE, retrieveItem: (id) => items.find((i) => i.id === id) },
      STYLE,
      'zh-CN',
      true,
    );
    engine.updateItems(items.map((i) => i.id));
    const [, entries] = engine.makeBibliography();
    const entry = entries[0].replace(/<[^>]+>/g, '').trim();
    expect(entry).toBe(
      '国务院，《国务院关于印发国家职业教育改革实施方案的通知》，国发〔2019〕5号，2019年1月24日，https://www.gov.cn/zhengce/content/2019-01/24/content_5360867.htm',
    );
  });

  it('RIS: one GOVDOC record per notice with title, authority, number, dates and link', () => {
    const ris = toRis([stateCouncil(), noticeA().notice]);
    const records = ris.split('ER  - \r\n').filter((r) => r.trim() !== '');
    expect(records).toHaveLength(2);
    const lines = records[0].split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('TY  - GOVDOC');
    expect(lines).toContain('TI  - 国务院关于印发国家职业教育改革实施方案的通知');
    expect(lines).toContain('AU  - 国务院');
    expect(lines).toContain('M1  - 国发〔2019〕5号');
    expect(lines).toContain('DA  - 2019/01/24/');
    expect(lines).toContain('Y2  - 2019/02/13/');
    expect(lines).toContain('UR  - https://www.gov.cn/zhengce/content/2019-01/24/content_5360867.htm');
    for (const line of ris.split('\r\n').filter(Boolean)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
  });
});
