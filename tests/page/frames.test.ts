import { describe, expect, it } from 'vitest';
import { commandFrame, isTopUrlRequest, reportApplies, topUrlFor } from '../../lib/page/frames';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const TOP = 'https://flk.npc.gov.cn/detail2.html?ZmY4MDgx';
const FRAME = 'https://wb.flk.npc.gov.cn/flfg/html/f67cb9b4.html';

describe('the address of the page around a frame', () => {
  it('is the tab URL, for our content script in a frame of a web page', () => {
    expect(topUrlFor({ id: ID, url: FRAME, frameId: 3, tab: { id: 7, url: TOP } }, ID)).toBe(TOP);
  });

  it('is nothing for the top frame, another extension, an extension page or a tab on no web page', () => {
    expect(topUrlFor({ id: ID, url: TOP, frameId: 0, tab: { id: 7, url: TOP } }, ID)).toBeNull();
    expect(topUrlFor({ id: 'other', url: FRAME, frameId: 3, tab: { id: 7, url: TOP } }, ID)).toBeNull();
    expect(
      topUrlFor({ id: ID, url: `chrome-extension://${ID}/library.html`, frameId: 3, tab: { url: TOP } }, ID),
    ).toBeNull();
    expect(topUrlFor({ id: ID, url: FRAME, frameId: 3, tab: { id: 7, url: 'chrome://newtab/' } }, ID)).toBeNull();
    expect(topUrlFor({ id: ID, url: FRAME, frameId: 3 }, ID)).toBeNull();
  });

  it('is asked for with exactly one well-formed message', () => {
    expect(isTopUrlRequest({ type: 'page/top-url' })).toBe(true);
    expect(isTopUrlRequest({ type: 'page/top-url', url: TOP })).toBe(false);
    expect(isTopUrlRequest({ type: 'page/load-module' })).toBe(false);
    expect(isTopUrlRequest(null)).toBe(false);
  });
});

describe('which frame speaks for the tab', () => {
  const frameNotice = { isNotice: true, frameId: 3 };

  it('the top frame always does (its page may have changed)', () => {
    expect(reportApplies(false, 0, frameNotice)).toBe(true);
    expect(reportApplies(true, 0, null)).toBe(true);
    expect(reportApplies(false, null, frameNotice)).toBe(true);
  });

  it('a frame with a notice does', () => {
    expect(reportApplies(true, 3, null)).toBe(true);
    expect(reportApplies(true, 5, { isNotice: false, frameId: 0 })).toBe(true);
  });

  it('a frame that found nothing takes back only what it said itself', () => {
    expect(reportApplies(false, 3, null)).toBe(false);
    expect(reportApplies(false, 5, frameNotice)).toBe(false);
    expect(reportApplies(false, 3, { isNotice: true, frameId: 0 })).toBe(false);
    expect(reportApplies(false, 3, frameNotice)).toBe(true);
  });

  it('commands go to the frame holding the notice, else to every frame', () => {
    expect(commandFrame(frameNotice)).toBe(3);
    expect(commandFrame({ isNotice: true, frameId: 0 })).toBeUndefined();
    expect(commandFrame({ isNotice: false, frameId: 3 })).toBeUndefined();
    expect(commandFrame(null)).toBeUndefined();
  });
});
