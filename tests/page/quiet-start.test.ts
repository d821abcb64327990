import { describe, expect, it } from 'vitest';
import { dropStartAnnouncement } from '../../lib/page/quiet-start';

function fakeWindow() {
  const posted: unknown[][] = [];
  const win = { postMessage: (...args: unknown[]) => void posted.push(args) } as unknown as Window;
  return { win, posted };
}

describe('dropStartAnnouncement', () => {
  it("drops WXT's start announcement, which names the extension, and posts everything else", () => {
    const { win, posted } = fakeWindow();
    dropStartAnnouncement(win, 'abcdefghijklmnop');
    dropStartAnnouncement(win, 'abcdefghijklmnop'); // injected again: installed once
    win.postMessage(
      { type: 'abcdefghijklmnop:content:wxt:content-script-started', contentScriptName: 'content', messageId: 'x' },
      '*',
    );
    win.postMessage({ type: 'page:hello' }, '*');
    win.postMessage({ type: 'othershjklmnopqr:content:wxt:content-script-started' }, '*');
    win.postMessage('plain', '*');
    win.postMessage(null, '*');
    expect(posted).toEqual([
      [{ type: 'page:hello' }, '*'],
      [{ type: 'othershjklmnopqr:content:wxt:content-script-started' }, '*'],
      ['plain', '*'],
      [null, '*'],
    ]);
  });
});
