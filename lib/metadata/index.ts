/**
 * Metadata and outline readers: what a notice says about itself (title, 文种, 文号, 发文机关, 主送机关, dates,
 * status, pkulaw code, link) and its heading structure. Pure functions on strings; no DOM, no Node APIs.
 */
export { readMetadata } from './read-metadata';
export type { MetadataInput } from './read-metadata';
export { readOutline } from './outline';
export { parseChineseDate } from './dates';
export { findDocNumber } from './doc-number';
export { docTypeOfTitle } from './doc-type';
export { stripTitleSuffix } from './title';
