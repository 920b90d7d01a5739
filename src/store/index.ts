/** The event store: one interface, SQLite behind it (PostgreSQL can follow). */
export * from './types.js';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite/store.js';
export { fieldSpans } from './field-spans.js';
export { packArticle, isPackedArticle, type PackedArticle } from './packed-article.js';
