import { describe, expect, it } from 'vitest';
import { exportFileName, exportTitle, safeFileNamePart } from '../../lib/export/filenames';
import { TITLE_A, noticeA, noticeB } from './fixtures';

const day = new Date(2026, 10, 25, 9, 30);

describe('exportFileName', () => {
  it('makes 公文透镜-<title>-<date>.<ext> and keeps Han and full-width punctuation', () => {
    expect(exportFileName('国务院关于印发《“十四五”规划》的通知（国发〔2021〕1号）', 'md', day)).toBe(
      '公文透镜-国务院关于印发《“十四五”规划》的通知（国发〔2021〕1号）-2026-11-25.md',
    );
    expect(exportFileName(null, 'csv', day)).toBe('公文透镜-导出-2026-11-25.csv');
    expect(exportFileName(' ... ', '.docx', day)).toBe('公文透镜-导出-2026-11-25.docx');
  });

  it('replaces path separators and characters Windows forbids, drops control and bidi characters', () => {
    const name = exportFileName(
      '../../etc/passwd\\关于<印发>:"办法"|?*的通知\u0000\u0007\u202Egpj.exe\r\n',
      'json',
      day,
    );
    // The leading `../../` becomes `.._.._`, and leading dots and underscores are trimmed.
    expect(name).toBe('公文透镜-etc_passwd_关于_印发___办法____的通知gpj.exe-2026-11-25.json');
    // eslint-disable-next-line no-control-regex -- the name must hold no control character
    expect(name).not.toMatch(/[/\\<>:"|?*\u0000-\u001F\u202E]/);
  });

  it('caps the title at 60 characters and 150 UTF-8 bytes without splitting a surrogate pair', () => {
    const long = exportFileName(TITLE_A.repeat(3), 'md', day);
    const title = long.slice('公文透镜-'.length, -'-2026-11-25.md'.length);
    expect(TITLE_A.repeat(3).startsWith(title)).toBe(true);
    expect(new TextEncoder().encode(title).length).toBeLessThanOrEqual(150);
    expect(Array.from(title).length).toBe(50); // 50 Han = 150 bytes
    expect(new TextEncoder().encode(long).length).toBeLessThan(255);
    const emoji = safeFileNamePart('😀'.repeat(100));
    expect(emoji).toBe('😀'.repeat(37)); // 4 bytes each: 37 × 4 = 148 ≤ 150
    expect(safeFileNamePart('a'.repeat(100))).toBe('a'.repeat(60));
  });

  it('guards Windows device names and trailing dots', () => {
    expect(safeFileNamePart('CON')).toBe('_CON');
    expect(safeFileNamePart('nul.txt')).toBe('_nul.txt');
    expect(safeFileNamePart('COM1')).toBe('_COM1');
    expect(safeFileNamePart('CONSOLE')).toBe('CONSOLE');
    expect(safeFileNamePart('通知...')).toBe('通知');
    expect(safeFileNamePart('  多个   空格\t制表  ')).toBe('多个 空格 制表');
  });

  it('names a file after one notice, or counts several', () => {
    expect(exportTitle([noticeA().notice])).toBe(TITLE_A);
    expect(exportTitle([noticeA().notice, noticeB().notice])).toBe('2篇公文');
    expect(exportTitle([])).toBeNull();
  });
});
