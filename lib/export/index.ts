/**
 * Exports of saved notices and annotations: Markdown, CSV (Excel), W3C Web Annotation JSON-LD (also the
 * backup and import format) and a Word briefing. Pure: data in, strings or bytes out; runs in extension
 * pages and in Node.
 */

export { toMarkdown, escapeMarkdown, type MarkdownOptions } from './markdown';
export { toCsv, toCsvBytes, CSV_HEADER, type CsvOptions } from './csv';
export { toW3C, toW3CJson, fromW3C, parseImportFile, DEFAULT_MAX_IMPORT_BYTES, type ImportResult } from './w3c';
export type { ImportErrorCode, ImportFailure } from './import-errors';
export { toDocx, docxParts } from './docx';
export { exportFileName, exportTitle, safeFileNamePart } from './filenames';
export { zip, crc32, type ZipEntry } from './zip';
export type { ExportItem } from './highlights';
export {
  annotationLocation,
  chineseDate,
  citeAnnotation,
  citePassage,
  locationLabel,
  noticeReference,
  toCslJson,
  toRis,
} from './citation';
