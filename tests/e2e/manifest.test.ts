/**
 * The built manifest asks for the fewest permissions that do the job: anything broader fails here.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness';
import { LAW_TEXT_FRAME_MATCHES, NOTICE_SITE_MATCHES } from '../../lib/sites';

/** The manifest keys these checks read. */
interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: Array<{ matches: string[]; exclude_matches?: string[]; js: string[]; all_frames?: boolean }>;
  content_security_policy?: unknown;
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
}

const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

const ALLOWED_PERMISSIONS = ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'contextMenus', 'alarms'];

for (const target of ['chrome-mv3', 'firefox-mv3']) {
  describe(`the ${target} manifest`, () => {
    const manifest = readManifest(join(ROOT, '.output', target));

    it('asks only for the permissions the features need', () => {
      for (const p of manifest.permissions ?? []) expect(ALLOWED_PERMISSIONS).toContain(p);
      expect(manifest.permissions).toContain('unlimitedStorage');
    });

    it('has host access to the known notice sites only; everything else is optional, asked for', () => {
      expect([...(manifest.host_permissions ?? [])].sort()).toEqual([...NOTICE_SITE_MATCHES].sort());
      for (const cs of manifest.content_scripts ?? [])
        for (const m of cs.matches) expect([...NOTICE_SITE_MATCHES, ...LAW_TEXT_FRAME_MATCHES]).toContain(m);
      expect(JSON.stringify(manifest.host_permissions)).not.toMatch(/<all_urls>|\*:\/\/\*\/\*/);
    });

    it('runs in frames only on the law-text host, which the known sites already cover, with one copy per frame', () => {
      const scripts = manifest.content_scripts ?? [];
      const inFrames = scripts.filter((cs) => cs.all_frames);
      expect(inFrames.map((cs) => cs.matches)).toEqual([LAW_TEXT_FRAME_MATCHES]);
      // Inside *.gov.cn: no host permission of its own.
      for (const m of LAW_TEXT_FRAME_MATCHES) expect(m.endsWith('.gov.cn/*')).toBe(true);
      // The same script, and the top-frame entry leaves that host to the frame entry (no page runs it twice).
      const topOnly = scripts.filter((cs) => !cs.all_frames);
      expect(inFrames[0].js).toEqual(topOnly[0].js);
      for (const cs of topOnly) expect(cs.exclude_matches).toEqual(LAW_TEXT_FRAME_MATCHES);
    });

    it('allows no remote or evaluated code and exposes no resources to pages', () => {
      const csp = JSON.stringify(manifest.content_security_policy ?? {});
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
      expect(manifest.web_accessible_resources ?? []).toEqual([]);
      expect(manifest.externally_connectable).toBeUndefined();
    });
  });
}

describe('the script every notice-site page runs', () => {
  // Marks of code that belongs elsewhere: the Word writer and CSV export (library page), the database
  // (background and extension pages), Readability (injected only where needed), the obligation lexicon (background).
  const heavy: Array<[string, string]> = [
    ['the Word export', 'word/document.xml'],
    ['the CSV export', 'text/csv'],
    ['the database', 'Dexie'],
    ['Readability', 'grabArticle'],
    ['the obligation lexicon', '应当'],
  ];
  for (const target of ['chrome-mv3', 'firefox-mv3']) {
    it(`carries none of the heavy parts the page does not need (${target})`, () => {
      const dir = join(ROOT, '.output', target);
      const manifest = readManifest(dir);
      const scripts: string[] = manifest.content_scripts!.flatMap((cs) => cs.js);
      expect(scripts.length).toBeGreaterThan(0);
      for (const file of scripts) {
        const code = readFileSync(join(dir, file), 'utf8');
        for (const [what, mark] of heavy) expect(code.includes(mark), `${file} contains ${what}`).toBe(false);
      }
      // The parts it loads on demand are there to be injected.
      for (const lazy of ['page-ui.js', 'readability.js'])
        expect(readFileSync(join(dir, lazy), 'utf8').length).toBeGreaterThan(1000);
    });
  }
});
