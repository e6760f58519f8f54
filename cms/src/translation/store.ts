import type { Knex } from 'knex';
import type { ArticleText } from './article-text';

// The CMS database keeps what was translated, so the same version of an article is never sent to the
// provider twice, whichever node asks; and what was spent today, so the daily budget holds across nodes.

const TRANSLATIONS = 'machine_translations';
const USAGE = 'machine_translation_usage';

export type TranslationKey = { documentId: string; sourceLocale: string; sourceVersion: string; target: string };
export type StoredTranslation = TranslationKey & { provider: string; text: ArticleText; characters: number; createdAt: string };

type Row = {
  document_id: string;
  source_locale: string;
  source_version: string;
  target: string;
  provider: string;
  content: string;
  characters: number;
  created_at: string | Date;
};

/** Today, as the budget counts days: UTC. */
export const budgetDay = (now = new Date()) => now.toISOString().slice(0, 10);

/** Seconds until the budget starts again (the next UTC midnight). */
export function secondsUntilTomorrow(now = new Date()) {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.ceil((midnight - now.getTime()) / 1000);
}

export function translationStore(knex: Knex) {
  return {
    async ensureSchema() {
      if (!(await knex.schema.hasTable(TRANSLATIONS))) {
        await knex.schema.createTable(TRANSLATIONS, (table) => {
          table.increments('id');
          table.string('document_id', 64).notNullable();
          table.string('source_locale', 16).notNullable();
          table.string('source_version', 40).notNullable();
          table.string('target', 16).notNullable();
          table.string('provider', 32).notNullable();
          table.text('content').notNullable();
          table.integer('characters').notNullable();
          table.timestamp('created_at').notNullable();
          table.unique(['document_id', 'source_locale', 'source_version', 'target']);
        });
      }
      if (!(await knex.schema.hasTable(USAGE))) {
        await knex.schema.createTable(USAGE, (table) => {
          table.string('day', 10).primary();
          table.bigInteger('characters').notNullable();
        });
      }
    },

    async find(key: TranslationKey): Promise<StoredTranslation | null> {
      const row: Row | undefined = await knex(TRANSLATIONS)
        .where({ document_id: key.documentId, source_locale: key.sourceLocale, source_version: key.sourceVersion, target: key.target })
        .first();
      if (!row) return null;
      return {
        ...key,
        provider: row.provider,
        text: JSON.parse(row.content) as ArticleText,
        characters: row.characters,
        createdAt: new Date(row.created_at).toISOString(),
      };
    },

    /** Keeps a translation; the ones of earlier versions of the same article and language are let go. */
    async save(translation: StoredTranslation) {
      const { documentId, sourceLocale, sourceVersion, target } = translation;
      await knex.transaction(async (trx) => {
        await trx(TRANSLATIONS)
          .where({ document_id: documentId, source_locale: sourceLocale, target })
          .whereNot({ source_version: sourceVersion })
          .delete();
        await trx(TRANSLATIONS)
          .insert({
            document_id: documentId,
            source_locale: sourceLocale,
            source_version: sourceVersion,
            target,
            provider: translation.provider,
            content: JSON.stringify(translation.text),
            characters: translation.characters,
            created_at: new Date(translation.createdAt),
          })
          .onConflict(['document_id', 'source_locale', 'source_version', 'target'])
          .ignore();
      });
    },

    /** An article deleted: its translations go with it. */
    async forget(documentId: string) {
      await knex(TRANSLATIONS).where({ document_id: documentId }).delete();
    },

    /**
     * Takes `characters` from today's budget if they fit, in one statement, so two nodes cannot both take
     * the last of it. False: they do not fit.
     */
    async reserve(characters: number, budget: number, day = budgetDay()): Promise<boolean> {
      await knex(USAGE).insert({ day, characters: 0 }).onConflict('day').ignore();
      const updated = await knex(USAGE)
        .where({ day })
        .andWhere('characters', '<=', budget - characters)
        .increment('characters', characters);
      return Number(updated) === 1;
    },

    /** Gives back what a failed request did not spend. */
    async release(characters: number, day = budgetDay()) {
      await knex(USAGE).where({ day }).decrement('characters', characters);
    },

    async spent(day = budgetDay()): Promise<number> {
      const row: { characters: number | string } | undefined = await knex(USAGE).where({ day }).first();
      return Number(row?.characters ?? 0);
    },
  };
}

export type TranslationStore = ReturnType<typeof translationStore>;
