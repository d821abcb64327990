/** The library database: open it only in the background service worker and extension pages. */
export { NoticeLensDB, DB_NAME, CURRENT_VERSION, type IndexedDBDeps } from './db';
export { NoticeRepository, type PutAnnotationResult, type RepositoryOptions } from './repository';
export { searchNotices, type NoticeHit, type SearchOptions, type SearchResult } from './search';
export { StorageError, describeStorageError, ensureRoomToWrite, toStorageError, type StorageErrorKind } from './errors';
export type { NoticeFilters, NoticeSnapshot, NoticeSummary, Page } from './records';
export { LIMITS } from './limits';
