// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { choosePainter, type ClausePaint } from '../../lib/page/painter';

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

/** A window with the CSS Custom Highlight API, as Chromium's. */
function highlightWindow(): { win: Window & typeof globalThis; registry: Map<string, FakeHighlight> } {
  const registry = new Map<string, FakeHighlight>();
  const win = { CSS: { highlights: registry }, Highlight: FakeHighlight } as unknown as Window & typeof globalThis;
  return { win, registry };
}

const PAGE = '<p id="a">各单位应当于五月底前完成排查，不得瞒报。</p><p id="b">鼓励企业加大投入。</p>';

function rangeOf(id: string, quote: string): Range {
  const text = document.getElementById(id)!.firstChild as Text;
  const start = text.data.indexOf(quote);
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, start + quote.length);
  return range;
}

function texts(registry: Map<string, FakeHighlight>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, h] of registry) out[name] = [...h].map((r) => (r as Range).toString());
  return out;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the painter a page gets', () => {
  it('is the Highlight API where the window has it, and wrapping only where it does not', () => {
    expect(choosePainter(highlightWindow().win, document).kind).toBe('highlight-api');
    // happy-dom, like older browsers, has no CSS.highlights.
    expect(choosePainter(window, document).kind).toBe('wrapping');
  });
});

describe('painting with the Highlight API', () => {
  it('paints clauses by category without the hidden ones, the analyst’s highlights, and clears only its own', () => {
    document.body.innerHTML = PAGE;
    const before = document.body.innerHTML;
    const { win, registry } = highlightWindow();
    registry.set('site-search-hit', new FakeHighlight());
    const painter = choosePainter(win, document);
    const clauses: ClausePaint[] = [
      { category: 'obligation', soft: false, range: rangeOf('a', '各单位应当于五月底前完成排查') },
      { category: 'prohibition', soft: false, range: rangeOf('a', '不得瞒报') },
      { category: 'encouragement', soft: true, range: rangeOf('b', '鼓励企业加大投入') },
      { category: 'obligation', soft: false, range: null },
    ];
    painter.paintClauses(clauses, new Set(['prohibition']));
    painter.paintAnnotations([{ colour: 'green', range: rangeOf('a', '五月底前') }]);

    expect(texts(registry)).toEqual({
      'site-search-hit': [],
      'notice-lens-obligation': ['各单位应当于五月底前完成排查'],
      'notice-lens-encouragement': ['鼓励企业加大投入'],
      'notice-lens-soft': ['鼓励企业加大投入'],
      'notice-lens-user-green': ['五月底前'],
    });
    expect(document.body.innerHTML).toBe(before);

    painter.clear();
    expect([...registry.keys()]).toEqual(['site-search-hit']);
  });

  it('flashes a range for a moment, and a clear ends the flash at once', () => {
    vi.useFakeTimers();
    document.body.innerHTML = PAGE;
    const { win, registry } = highlightWindow();
    const painter = choosePainter(win, document);
    painter.flash(rangeOf('b', '加大投入'));
    expect(texts(registry)['notice-lens-flash']).toEqual(['加大投入']);
    vi.advanceTimersByTime(1500);
    expect(registry.has('notice-lens-flash')).toBe(false);

    painter.flash(rangeOf('b', '加大投入'));
    painter.clear();
    expect(registry.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('painting by wrapping (no Highlight API)', () => {
  it('wraps clauses and the analyst’s highlights, keeps both on repaint, and gives the page back as it was', () => {
    document.body.innerHTML = PAGE;
    const before = document.body.innerHTML;
    const painter = choosePainter(window, document);
    painter.paintClauses(
      [
        { category: 'prohibition', soft: false, range: rangeOf('a', '不得瞒报') },
        { category: 'encouragement', soft: true, range: rangeOf('b', '鼓励企业') },
      ],
      new Set(['encouragement']),
    );
    painter.paintAnnotations([{ colour: 'pink', range: rangeOf('b', '加大投入') }]);
    const marks = [...document.querySelectorAll('notice-lens-mark')].map((m) => [
      m.getAttribute('data-k'),
      m.textContent,
    ]);
    expect(marks).toEqual([
      ['prohibition', '不得瞒报'],
      ['user-pink', '加大投入'],
    ]);
    expect(document.body.textContent).toBe('各单位应当于五月底前完成排查，不得瞒报。鼓励企业加大投入。');

    painter.clear();
    expect(document.querySelectorAll('notice-lens-mark')).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
  });
});
