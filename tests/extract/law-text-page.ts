/**
 * A law-text page as the national law database serves it to its detail shell's frame
 * (`wb.flk.npc.gov.cn/flfg/html/<hash>.html`): the law's name in `<title>`, then one `<p>` per line of the
 * text inside `div.law-content`, the name and its 通过 line first. Built from that published structure for
 * tests (no saved page of that host is public); the text is a real law from the labelled corpus.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The 密码法 of the labelled corpus, as plain text (name first, one line per paragraph). */
export function corpusLaw(folder = 'fl-01-mima-fa'): string {
  const path = fileURLToPath(new URL(`../fixtures/corpus/${folder}/source.txt`, import.meta.url));
  return readFileSync(path, 'utf8').replace(/\r/g, '');
}

/** The `<p>` lines of a law text. */
export function lawParagraphs(text: string): string {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `<p>${esc(l.trim())}</p>`)
    .join('\n');
}

/**
 * The law-text page; `title: ''` leaves `<title>` empty, as some of the host's pages do. `body` replaces
 * the container's content (e.g. nothing, for a page whose text arrives by script), `script` is appended.
 */
export function lawTextPage(text: string, options: { title?: string; body?: string; script?: string } = {}): string {
  const name = text.trim().split('\n')[0].trim();
  const title = options.title ?? name;
  const body = options.body ?? lawParagraphs(text);
  const script = options.script ? `<script>${options.script}</script>` : '';
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>${esc(title)}</title></head><body><div class="law-content">\n${body}\n</div>${script}</body></html>`;
}
