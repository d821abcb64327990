/** The PouchDB memory adapter has no type declarations of its own: a plugin, as the others are. */
declare module 'pouchdb-adapter-memory' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
