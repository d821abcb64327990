// @vitest-environment happy-dom
/**
 * The page's panel follows team sync without a reload: when replication brings another version of one of the
 * page's notes (a CouchDB conflict) or one version is kept, the background rewrites the stored list of notes
 * with other versions and the content script is told; the panel then marks (or unmarks) the note and shows
 * the version the library holds now. A change about notes of other pages lists nothing again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseForPage } from '../../entrypoints/background/engine';
import { analyseDocument } from '../../lib/analyse';
import { anchorMany, describeSpan } from '../../lib/anchoring';
import type { Request, Response } from '../../lib/messages';
import { validateRequest } from '../../lib/messages/validate';
import { NoticeLens } from '../../lib/page/controller';
import { LAZY_MODULES, publishModule, type LoadModuleRequest } from '../../lib/page/modules';
import type { AppProps, PageUi } from '../../lib/page/ui-types';
import { conflictIds } from '../../lib/sync/owner';
import type { Annotation } from '../../lib/types';

const DEMO = readFileSync(join(__dirname, '../../demo/notice.html'), 'utf8');
const NOTICE_URL = 'https://www.gov.cn/zhengce/content/2020-01/30/content_live.htm';
const QUOTE = '自觉接受党性锻炼和实践考验';

type Sent = Request | LoadModuleRequest;

/** The background as the page sees it: the library's notes, and the storage keys sync writes. */
class Background {
  readonly sent: Sent[] = [];
  notes: Annotation[] = [];
  /** What the background keeps under the conflicts key (anything: the page validates it). */
  stored: unknown = undefined;
  renders: Array<AppProps | null> = [];
  private listeners = new Set<() => void>();
  readonly ui: PageUi = {
    panelCss: () => '',
    render: (_mount, props) => this.renders.push(props),
    anchorMany,
    describeSpan,
  };

  send = async (request: Sent): Promise<Response> => {
    this.sent.push(request);
    if (request.type === 'page/load-module') {
      if (request.module === 'ui') publishModule('ui', this.ui);
      return { ok: true, value: null };
    }
    const checked = validateRequest(request);
    if (!checked.ok) return { ok: false, error: checked.error, kind: 'invalid', retry: false };
    const r = checked.request;
    if (r.type === 'engine/analyse') return { ok: true, value: await analyseForPage(r.input, r.force ?? false) };
    // One notice on this page: its notes, under the id the page gave it.
    if (r.type === 'annotation/list')
      return { ok: true, value: this.notes.map((a) => ({ ...a, noticeId: r.noticeId })) };
    return { ok: true, value: null };
  };

  /** The stored list changes (storage.onChanged in the extension). */
  syncWrote(value: unknown): void {
    this.stored = value;
    for (const l of this.listeners) l();
  }

  watch = (changed: () => void): (() => void) => {
    this.listeners.add(changed);
    return () => this.listeners.delete(changed);
  };

  get watching(): number {
    return this.listeners.size;
  }

  lists(): number {
    return this.sent.filter((r) => r.type === 'annotation/list').length;
  }

  get shown(): AppProps {
    const last = this.renders.at(-1);
    if (!last) throw new Error('nothing rendered');
    return last;
  }

  /** Which listed notes are marked 另有版本, and each note's text as shown. */
  marked(): string[] {
    const conflicts = this.shown.state.syncConflicts;
    return this.shown.state.annotations.filter((x) => conflicts?.has(x.annotation.id)).map((x) => x.annotation.id);
  }

  noteOf(id: string): string | undefined {
    return this.shown.state.annotations.find((x) => x.annotation.id === id)?.annotation.note;
  }
}

function openPage(url: string, html: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
}

function note(id: string, text: string, updatedAt: number): Annotation {
  const { analysis } = analyseDocument(document, NOTICE_URL);
  const start = analysis.text.indexOf(QUOTE);
  return {
    id,
    noticeId: 'the-page',
    colour: 'blue',
    note: text,
    tags: [],
    selectors: describeSpan(analysis.text, start, start + QUOTE.length, analysis.outline),
    quote: QUOTE,
    createdAt: 1,
    updatedAt,
    deletedAt: null,
    creator: 'alice',
  };
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let lens: NoticeLens | null = null;

beforeEach(() => {
  delete (globalThis as Record<symbol, unknown>)[LAZY_MODULES.ui.global];
});

afterEach(() => {
  lens?.destroy();
  lens = null;
});

/** The page open with its panel, listing the background's notes for the page's notice. */
async function openWithNotes(bg: Background): Promise<void> {
  openPage(NOTICE_URL, DEMO);
  bg.notes = [note('alices', '甲的批注', 10), note('bobs', '乙的批注', 10)];
  lens = new NoticeLens({
    win: window,
    doc: document,
    t: (key: string, ...args: unknown[]) => [key, ...args].join(' '),
    send: bg.send,
    persistPending: () => undefined,
    syncUser: () => Promise.resolve('bob'),
    syncConflicts: () => Promise.resolve(conflictIds(bg.stored)),
    watchSync: bg.watch,
  });
  lens.start();
  await until(() => bg.renders.some((p) => (p?.state.annotations.length ?? 0) === 2), 'the notes in the panel');
}

describe("the page's panel while sync brings other versions", () => {
  it('marks a note 另有版本 as its other version lands, showing the newest, and unmarks it once one is kept', async () => {
    const bg = new Background();
    await openWithNotes(bg);
    expect(bg.marked()).toEqual([]);
    expect(bg.noteOf('alices')).toBe('甲的批注');

    // Replication brought alice's edit from another machine: the library shows the newer, both are kept.
    bg.notes = [note('alices', '甲在另一台电脑上的修改', 20), bg.notes[1]];
    bg.syncWrote(['alices']);
    await until(() => bg.marked().length > 0, 'the mark');
    expect(bg.marked()).toEqual(['alices']);
    expect(bg.noteOf('alices')).toBe('甲在另一台电脑上的修改');
    expect(bg.noteOf('bobs')).toBe('乙的批注');

    // The first version was kept (in the library of either profile): the mark goes, its text is back.
    bg.notes = [note('alices', '甲的批注', 30), bg.notes[1]];
    bg.syncWrote(undefined);
    await until(() => bg.marked().length === 0, 'the mark to go');
    expect(bg.noteOf('alices')).toBe('甲的批注');
    expect(bg.shown.state.annotations.map((x) => x.annotation.id)).toEqual(['alices', 'bobs']);
  });

  it('lists nothing again for other pages’ notes or a list that is not one of ids, and stops listening when closed', async () => {
    const bg = new Background();
    await openWithNotes(bg);
    const lists = bg.lists();
    expect(bg.watching).toBe(1);
    bg.syncWrote(['a-note-of-another-page']);
    bg.syncWrote('alices');
    bg.syncWrote([42, null]);
    // A change that does concern the page comes after them: it alone lists the notes again.
    bg.syncWrote(['alices']);
    await until(() => bg.marked().length > 0, 'the mark');
    expect(bg.lists() - lists).toBe(1);
    expect(bg.marked()).toEqual(['alices']);

    lens?.destroy();
    lens = null;
    expect(bg.watching).toBe(0);
  });
});
