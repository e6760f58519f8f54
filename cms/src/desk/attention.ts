import type { Core } from '@strapi/strapi';
import { ARTICLE, CONTENT_TYPES } from '@newsroom/contract';
import { CHECKED_POPULATE, type Row } from '../publishing/document';
import { draftProblems } from '../editorial/publish-checks';
import { picturesWithEnds } from '../rights/pictures';
import type { Item, LicenceEnding, NeedsFixing, Published, Scheduled, StaleTranslation } from './items';

// What needs an editor's attention today, for the admin home's widgets (src/admin/desk-widgets.tsx): what the
// schedule will do in the next 48 hours, drafts the pre-publish checks would refuse (with the reasons), what
// was published last, and translations whose original has changed. Each item names its entry for a link.

export const SCHEDULE_AHEAD_MS = 48 * 3_600_000;
export const LICENCES_AHEAD_MS = 14 * 24 * 3_600_000;
const LIMIT = 10;
// Drafts looked at for problems: the ones worked on most recently (a desk does not scroll through years).
const DRAFTS_CHECKED = 100;

const iso = (value: string | Date | number) =>
  new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value).toISOString();
const item = (row: Row): Item => ({ documentId: row.documentId, locale: row.locale ?? '', title: row.title?.trim() || '(no headline)' });

/** The site's time zone, in which the desk shows times (the site's own setting; London when unset). */
export async function siteTimeZone(strapi: Core.Strapi) {
  const site = await strapi.db.query(CONTENT_TYPES.site.uid).findOne({ select: ['timeZone'], orderBy: { publishedAt: 'desc' } });
  return (site?.timeZone as string | undefined) || 'Europe/London';
}

/** What publishes or unpublishes by itself in the next 48 hours, soonest first. */
export async function scheduled(strapi: Core.Strapi, now = new Date()): Promise<Scheduled[]> {
  const until = new Date(now.getTime() + SCHEDULE_AHEAD_MS);
  const articles = strapi.db.query(ARTICLE);
  // The schedule lives on the drafts (runSchedules reads it there).
  const drafts: Row[] = await articles.findMany({
    where: { publishedAt: null, $or: [{ publishAt: { $gt: now, $lte: until } }, { unpublishAt: { $gt: now, $lte: until } }] },
    select: ['documentId', 'locale', 'title', 'publishAt', 'unpublishAt'],
  });
  const live = new Set(
    (
      await articles.findMany({
        where: { publishedAt: { $notNull: true }, documentId: { $in: drafts.map((row) => row.documentId) } },
        select: ['documentId', 'locale'],
      })
    ).map((row: Row) => `${row.documentId}:${row.locale}`),
  );
  const inWindow = (value: unknown) => value != null && new Date(iso(value as string)) > now && new Date(iso(value as string)) <= until;
  const items: Scheduled[] = [];
  for (const row of drafts as (Row & { publishAt?: string | null; unpublishAt?: string | null })[]) {
    const unpublishAt = row.unpublishAt ? iso(row.unpublishAt) : null;
    // A publish time after the expiry never fires (the schedule skips it).
    if (inWindow(row.publishAt) && !(unpublishAt && unpublishAt <= iso(row.publishAt!)))
      items.push({ ...item(row), action: 'publish', at: iso(row.publishAt!) });
    const willBeLive =
      live.has(`${row.documentId}:${row.locale}`) || items.some((i) => i.documentId === row.documentId && i.locale === row.locale);
    if (inWindow(row.unpublishAt) && willBeLive) items.push({ ...item(row), action: 'unpublish', at: unpublishAt! });
  }
  return items.sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Drafts that the pre-publish checks would refuse, with the checks' own reasons: of the most recently edited
 * drafts that are not live as they stand (never published, or changed since), newest first.
 */
export async function needsFixing(strapi: Core.Strapi): Promise<{ total: number; items: NeedsFixing[] }> {
  const articles = strapi.db.query(ARTICLE);
  const drafts: Row[] = await articles.findMany({
    where: { publishedAt: null },
    orderBy: { updatedAt: 'desc' },
    limit: DRAFTS_CHECKED,
    populate: CHECKED_POPULATE,
  });
  const published: Row[] = await articles.findMany({
    where: { publishedAt: { $notNull: true }, documentId: { $in: drafts.map((row) => row.documentId) } },
    select: ['documentId', 'locale', 'updatedAt'],
  });
  const liveAt = new Map(published.map((row) => [`${row.documentId}:${row.locale}`, iso(row.updatedAt)]));
  const items: NeedsFixing[] = [];
  for (const draft of drafts) {
    const live = liveAt.get(`${draft.documentId}:${draft.locale}`);
    // A published document whose draft has not changed since is not waiting for anything.
    if (live && iso(draft.updatedAt) <= live) continue;
    const problems = await draftProblems(strapi, draft);
    if (problems.length > 0) items.push({ ...item(draft), updatedAt: iso(draft.updatedAt), problems });
  }
  return { total: items.length, items: items.slice(0, LIMIT) };
}

/** The articles published most recently (each locale on its own). */
export async function recentlyPublished(strapi: Core.Strapi): Promise<Published[]> {
  const rows: Row[] = await strapi.db.query(ARTICLE).findMany({
    where: { publishedAt: { $notNull: true } },
    orderBy: { publishedAt: 'desc' },
    limit: LIMIT,
    select: ['documentId', 'locale', 'title', 'publishedAt'],
  });
  return rows.map((row) => ({ ...item(row), publishedAt: iso(row.publishedAt!) }));
}

/** Translations whose original has been published again since they were brought up to date. */
export async function staleTranslations(strapi: Core.Strapi): Promise<{ total: number; items: StaleTranslation[] }> {
  const where = { publishedAt: null, translationStale: true };
  const articles = strapi.db.query(ARTICLE);
  const rows: Row[] = await articles.findMany({
    where,
    orderBy: { updatedAt: 'desc' },
    limit: LIMIT,
    select: ['documentId', 'locale', 'title', 'translatedFrom', 'updatedAt'],
  });
  return {
    total: await articles.count({ where }),
    items: rows.map((row) => ({ ...item(row), translatedFrom: row.translatedFrom ?? null, updatedAt: iso(row.updatedAt) })),
  };
}

/** Pictures whose licence ends in the next 14 days, soonest first, with every entry (draft or published) that uses each. */
export async function licencesEnding(strapi: Core.Strapi, now = new Date()): Promise<{ items: LicenceEnding[] }> {
  const until = now.getTime() + LICENCES_AHEAD_MS;
  const pictures = (await picturesWithEnds(strapi, { drafts: true })).filter((picture) => {
    const endsAt = Date.parse(picture.endsAt);
    return endsAt > now.getTime() && endsAt <= until;
  });
  return {
    items: pictures.map(({ fileId, name, endsAt, licence, credit, uses }) => ({
      fileId,
      name,
      endsAt,
      licence,
      credit,
      // One line per entry and locale: published if any of its rows is.
      uses: [...new Map(uses.map((use) => [`${use.uid}:${use.documentId}:${use.locale}`, use])).values()].map((use) => ({
        uid: use.uid,
        documentId: use.documentId,
        locale: use.locale,
        title: use.title.trim() || '(no title)',
        published: uses.some((u) => u.uid === use.uid && u.documentId === use.documentId && u.locale === use.locale && u.published),
      })),
    })),
  };
}
