/**
 * Why an import file was refused, in both languages the extension ships (zh_CN first, en).
 *
 * Every refusal is a code, a place and parameters; `error` is the Chinese sentence the UI shows inside
 * `importFailed` ("导入失败：$P1$。文库未作任何修改。"), `errorEn` the English one. The place names the item
 * by its 1-based number as the analyst would count it, then the field path inside it:
 * `第 3 条批注：缺少 target.selector` / `annotation 3: target.selector is missing`.
 */

export type ImportErrorCode =
  | 'too-large'
  | 'invalid-json'
  | 'not-object'
  | 'wrong-context'
  | 'wrong-value'
  | 'missing'
  | 'wrong-type'
  | 'invalid'
  | 'too-long'
  | 'too-many'
  | 'duplicate-id'
  | 'unknown-notice'
  | 'total-mismatch'
  | 'unsupported-version'
  | 'paged';

export type ImportPlace = { kind: 'file' } | { kind: 'annotation'; index: number } | { kind: 'notice'; index: number };

export type JsonTypeName = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'null' | 'missing';

export type ImportParams = Record<string, string | number>;

export interface ImportFailure {
  ok: false;
  /** Chinese message, for the UI. */
  error: string;
  /** The same in English. */
  errorEn: string;
  code: ImportErrorCode;
  place: ImportPlace;
  /** Field path inside the place (`target.selector[1].start`), '' for the item or file itself. */
  path: string;
  params: ImportParams;
}

/** Thrown inside the importer and turned into an `ImportFailure` at its entry points. */
export class ImportRefusal extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly place: ImportPlace,
    readonly path: string,
    readonly params: ImportParams = {},
  ) {
    super(code);
  }
}

const TYPE_ZH: Record<JsonTypeName, string> = {
  string: '字符串',
  number: '数字',
  boolean: '布尔值',
  array: '数组',
  object: '对象',
  null: 'null',
  missing: '缺失',
};

function typeZh(name: string | number | undefined): string {
  return TYPE_ZH[name as JsonTypeName] ?? String(name);
}

function placeZh(place: ImportPlace): string {
  if (place.kind === 'annotation') return `第 ${place.index + 1} 条批注：`;
  if (place.kind === 'notice') return `第 ${place.index + 1} 篇公文：`;
  return '';
}

function placeEn(place: ImportPlace): string {
  if (place.kind === 'annotation') return `annotation ${place.index + 1}: `;
  if (place.kind === 'notice') return `notice ${place.index + 1}: `;
  return '';
}

function messageZh(code: ImportErrorCode, path: string, p: ImportParams): string {
  const field = path || '该项';
  switch (code) {
    case 'too-large':
      return `文件过大（至少 ${p.size} 字节，上限 ${p.limit} 字节），未读取`;
    case 'invalid-json':
      return `不是有效的 JSON：第 ${p.line} 行第 ${p.column} 列（位置 ${p.offset}）${p.problemZh}`;
    case 'not-object':
      return `文件顶层应为 JSON 对象（W3C AnnotationCollection），实际为${typeZh(p.actual)}`;
    case 'wrong-context':
      return `@context 应为 W3C 批注上下文 ${p.expected}，实际为 ${p.actual}`;
    case 'wrong-value':
      return `${field} 应为 ${p.expected}，实际为 ${p.actual}`;
    case 'missing':
      return `缺少 ${field}`;
    case 'wrong-type':
      return `${field} 应为${typeZh(p.expected)}，实际为${typeZh(p.actual)}`;
    case 'invalid':
      return `${field} 无效：${p.reasonZh}`;
    case 'too-long':
      return `${field} 过长（${p.length} 个字符，上限 ${p.limit}）`;
    case 'too-many':
      return `${field} 过多（${p.count} 个，上限 ${p.limit}）`;
    case 'duplicate-id':
      return `id 重复：${p.id}（另见${p.otherZh}）`;
    case 'unknown-notice':
      return `所属公文 ${p.noticeId} 不在文件中（nl:notices）`;
    case 'total-mismatch':
      return `total 为 ${p.total}，但文件中有 ${p.count} 条批注，文件可能不完整`;
    case 'unsupported-version':
      return `文件由较新版本的公文透镜导出（格式版本 ${p.version}），请先升级扩展`;
    case 'paged':
      return '不支持分页的批注集合（first.next），请导出为单个文件';
  }
}

function messageEn(code: ImportErrorCode, path: string, p: ImportParams): string {
  const field = path || 'the item';
  switch (code) {
    case 'too-large':
      return `file too large (at least ${p.size} bytes; limit ${p.limit} bytes); not read`;
    case 'invalid-json':
      return `not valid JSON at line ${p.line}, column ${p.column} (offset ${p.offset}): ${p.problemEn}`;
    case 'not-object':
      return `the top level must be a JSON object (a W3C AnnotationCollection), found ${p.actual}`;
    case 'wrong-context':
      return `@context must be the W3C annotation context ${p.expected}, found ${p.actual}`;
    case 'wrong-value':
      return `${field} must be ${p.expected}, found ${p.actual}`;
    case 'missing':
      return `${field} is missing`;
    case 'wrong-type':
      return `${field} must be ${/^[aeiou]/.test(String(p.expected)) ? 'an' : 'a'} ${p.expected}, found ${p.actual}`;
    case 'invalid':
      return `${field} is invalid: ${p.reasonEn}`;
    case 'too-long':
      return `${field} is too long (${p.length} characters; limit ${p.limit})`;
    case 'too-many':
      return `${field} has too many entries (${p.count}; limit ${p.limit})`;
    case 'duplicate-id':
      return `duplicate id ${p.id} (also ${p.otherEn})`;
    case 'unknown-notice':
      return `its notice ${p.noticeId} is not in the file (nl:notices)`;
    case 'total-mismatch':
      return `total says ${p.total} but the file holds ${p.count} annotations; the file may be incomplete`;
    case 'unsupported-version':
      return `the file was written by a newer Notice Lens (format version ${p.version}); update the extension first`;
    case 'paged':
      return 'paged annotation collections (first.next) are not supported; export a single file';
  }
}

export function importFailure(refusal: ImportRefusal): ImportFailure {
  const { code, place, path, params } = refusal;
  return {
    ok: false,
    error: placeZh(place) + messageZh(code, path, params),
    errorEn: placeEn(place) + messageEn(code, path, params),
    code,
    place,
    path,
    params,
  };
}
