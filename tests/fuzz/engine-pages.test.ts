/**
 * Property-based tests of the engine on generated hostile pages: 1,000-deep nesting, tag soup, no body,
 * only scripts, framesets, iframes, shadow DOM, lone surrogates, huge lines, metadata cells holding whole
 * paragraphs, 10,000-cell tables, 10 MB (mutations of the real pages: engine-mutations.test.ts).
 *
 * For every case: no exception escapes analyseDocument / describeSpan / anchorSelectors; each call
 * finishes within its liveness bound (CPU time: 2 s, 10 s for huge kinds, 20 s for 10 MB); the record the
 * command-line analyser would print is well-formed (lib/cli/output-shape.ts); the DOM text map and the
 * normalisation map are consistent; the request the content script would send the background for this
 * page passes the background's validator; a span described on the text is anchored back where it was.
 * Cases are seeded (see run.ts for FUZZ_ONLY / FUZZ_SCALE / FUZZ_SEED); a failure names its seed.
 */
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { parseHtmlDocument } from '../../lib/cli/analyze';
import {
  DOC_NUMBERS,
  PAGE_KINDS,
  URLS,
  bigTable,
  escapeHtml,
  noticeHtml,
  noticeText,
  page,
  randomText,
  randomUnits,
  tagSoup,
} from './generate';
import { htmlProblems, domProblems } from './pages';
import { HUGE_MS, LARGE_MS, ORDINARY_MS, checkDocument, guarded } from './properties';
import { reportCounts, runCases, timeout } from './run';

reportCounts('engine-pages');

describe('engine fuzz: generated pages', () => {
  it(
    'every generated page kind: no throw, in time, well-formed output',
    () => {
      const failures: string[] = [];
      PAGE_KINDS.forEach(([kind, make], k) => {
        const large = kind.startsWith('huge') || kind.startsWith('nesting');
        failures.push(
          ...runCases(`page: ${kind}`, 100_000 + k * 1_000, large ? 8 : 30, (r) =>
            htmlProblems(make(r), r, 2, large ? LARGE_MS : ORDINARY_MS),
          ),
        );
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );

  it(
    'tables of 10,000 cells',
    () => {
      const failures = runCases('page: table of 10,000 cells', 200_000, 3, (r) => {
        const [rows, cols] = r.pick([
          [100, 100],
          [10_000, 1],
          [1, 10_000],
          [200, 50],
        ]);
        return htmlProblems(page(`<div id="UCAP-CONTENT">${bigTable(r, rows, cols)}</div>`), r, 2, LARGE_MS);
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );

  it(
    'lone surrogates and controls in DOM text nodes (set by script: the parser would replace them)',
    () => {
      const failures = runCases('page: lone surrogates in text nodes', 210_000, 60, (r) => {
        const doc = parseHtmlDocument(
          page(`<div id="UCAP-CONTENT">${noticeHtml(r)}</div>`, `<title>${escapeHtml(randomText(r, 20))}</title>`),
        );
        const texts: Text[] = [];
        const walk = (n: Node) => {
          if (n.nodeType === 3) texts.push(n as Text);
          n.childNodes.forEach(walk);
        };
        walk(doc);
        for (const t of texts) {
          if (r.chance(0.5)) continue;
          const at = r.int(t.data.length + 1);
          t.data = t.data.slice(0, at) + randomUnits(r, r.between(1, 8)) + t.data.slice(at);
        }
        return domProblems(doc, r, 3);
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );

  it(
    'shadow DOM (happy-dom): hosts with open and closed shadow roots holding notice text',
    () => {
      const failures = runCases('page: shadow DOM (happy-dom)', 220_000, 30, (r) => {
        const window = new Window({ url: 'https://www.gov.cn/zhengce/content/2020-03/05/content_1.htm' });
        try {
          const doc = window.document as unknown as Document;
          doc.body.innerHTML = `<div id="UCAP-CONTENT">${r.chance(0.5) ? noticeHtml(r) : ''}</div>`;
          for (let k = r.between(1, 6); k > 0; k--) {
            const host = doc.createElement(r.pick(['div', 'notice-body', 'section', 'span']));
            const shadow = host.attachShadow({ mode: r.chance(0.5) ? 'open' : 'closed' });
            shadow.innerHTML = r.chance(0.7) ? noticeHtml(r) : tagSoup(r, 50, () => randomText(r, 20));
            if (r.chance(0.3)) shadow.appendChild(doc.createElement('slot'));
            if (r.chance(0.5)) host.appendChild(doc.createTextNode(randomText(r, 40)));
            (r.chance(0.5) ? doc.body : (doc.getElementById('UCAP-CONTENT') ?? doc.body)).appendChild(host);
          }
          return domProblems(doc, r, 2);
        } finally {
          void window.happyDOM.close();
        }
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );

  it(
    'a 10 MB page comes back in time with well-formed output',
    () => {
      const failures = runCases('page: 10 MB', 230_000, 1, (r) => {
        const parts: string[] = [];
        let size = 0;
        while (size < 10_000_000) {
          const p = `<p>${escapeHtml(noticeText(r, r.pick(DOC_NUMBERS), '2020年3月5日').replace(/\n/g, '。'))}</p>`;
          parts.push(p);
          size += p.length;
        }
        const problems: string[] = [];
        const doc = guarded(problems, 'parseHtmlDocument (10 MB)', HUGE_MS, () =>
          parseHtmlDocument(page(`<div id="UCAP-CONTENT">${parts.join('')}</div>`)),
        );
        if (doc) problems.push(...checkDocument(doc, URLS[1], true, HUGE_MS).problems);
        return problems;
      });
      expect(failures).toEqual([]);
    },
    timeout(120_000),
  );
});
