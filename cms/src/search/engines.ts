import type { Core } from '@strapi/strapi';
import { DEFAULT_MAX_RESULTS, type SearchEngine } from './engine';
import { createPostgresEngine } from './postgres-engine';
import { createSqliteEngine } from './sqlite-engine';

/** The engine of the CMS's database: FTS5 on SQLite, tsvector and GIN on PostgreSQL. */
export function createSearchEngine(strapi: Core.Strapi): SearchEngine {
  const knex = strapi.db.connection;
  const maxResults = strapi.config.get('search.maxResults', DEFAULT_MAX_RESULTS) as number;
  return strapi.db.dialect.client === 'postgres' ? createPostgresEngine(knex, maxResults) : createSqliteEngine(knex, maxResults);
}
