/** PouchDB's packages, imported untyped: lib/sync/pouch-types.ts types what team sync uses of them. */
declare module 'pouchdb-adapter-idb';
declare module 'pouchdb-core';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-replication';
