import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { ARTICLES, AUTHORS, EDITORS_NOTES, PAGES, SECTIONS, SERIES, SITE, TAGS, ZH, type SeedArticle, type SeedFigure } from './content';
import { avatarArtwork, estuaryArtwork } from './images';
import { paragraphsToBlocks } from './blocks';
import { searchIndexer } from '../search';

const SEED_VERSION = 1;
const HOUR = 3_600_000;

type Strapi = Core.Strapi;
type Uid =
  | 'api::section.section'
  | 'api::tag.tag'
  | 'api::author.author'
  | 'api::editors-note.editors-note'
  | 'api::series.series'
  | 'api::article.article'
  | 'api::page.page';

/**
 * Seeds the demo outlet on first start. Runs once: a marker in Strapi's store records completion, so a
 * later start never recreates what an editor deleted nor overwrites what an editor changed. Within a
 * run every entry is looked up by slug first, so a run interrupted half-way resumes without duplicates.
 */
export async function seedDemoContent(strapi: Strapi) {
  const marker = strapi.store({ type: 'app', name: 'seed', key: 'demo' });
  const done = (await marker.get()) as { version?: number } | null;
  if ((done?.version ?? 0) >= SEED_VERSION) return;

  strapi.log.info('Seeding the demo outlet (first start only)...');
  const seeder = new Seeder(strapi);
  await seeder.run();
  await marker.set({ value: { version: SEED_VERSION, completedAt: new Date().toISOString() } });
  strapi.log.info('Demo content seeded.');
}

class Seeder {
  private readonly now = Date.now();
  private readonly ids = new Map<string, string>();

  /** The documentId of an entry this run has seeded (by `type:slug`). */
  private id(key: string): string {
    const documentId = this.ids.get(key);
    if (!documentId) throw new Error(`The seed has no ${key} yet`);
    return documentId;
  }

  constructor(private readonly strapi: Strapi) {}

  async run() {
    for (const section of SECTIONS) await this.entry('api::section.section', `section:${section.slug}`, section.slug, section);
    for (const tag of TAGS) await this.entry('api::tag.tag', `tag:${tag.slug}`, tag.slug, tag);
    for (const author of AUTHORS) await this.author(author);
    for (const note of EDITORS_NOTES) {
      await this.entry(
        'api::editors-note.editors-note',
        `note:${note.key}`,
        null,
        { label: note.label, body: paragraphsToBlocks(note.text) },
        { label: note.label },
      );
    }
    await this.entry('api::series.series', `series:${SERIES.slug}`, SERIES.slug, {
      title: SERIES.title,
      slug: SERIES.slug,
      description: SERIES.description,
      cover: await this.figure(`series-${SERIES.slug}`, {
        caption: 'The estuary mouth, where a barrier would stand.',
        credit: 'Ledger Graphics',
        alt: 'Abstract illustration of layered waves at a river mouth',
        hue: SERIES.hue,
      }),
      editorsNote: this.id(`note:${SERIES.editorsNote}`),
    });
    for (const article of ARTICLES) await this.article(article);
    for (const page of PAGES) {
      await this.entry('api::page.page', `page:${page.slug}`, page.slug, {
        title: page.title,
        slug: page.slug,
        revisionDate: page.revisionDate,
        body: paragraphsToBlocks(page.paragraphs),
      });
    }
    await this.site();
    await this.chinese();
  }

  /** Creates and publishes one entry unless one with the same slug (or label) exists already. */
  private async entry(
    uid: Uid,
    key: string,
    slug: string | null,
    data: Record<string, unknown>,
    match?: Record<string, unknown>,
    publish = true,
  ) {
    const documents = this.strapi.documents(uid);
    const filters = match ?? { slug };
    const existing = await documents.findFirst({ filters, locale: 'en', status: 'draft' });
    let documentId = existing?.documentId;
    if (!documentId) {
      const created = await documents.create({ data, locale: 'en' });
      documentId = created.documentId;
      if (publish) await documents.publish({ documentId, locale: 'en' });
    }
    this.ids.set(key, documentId);
    return documentId;
  }

  private async author(author: (typeof AUTHORS)[number]) {
    const { hue, ...fields } = author;
    const avatar = await this.upload(
      `avatar-${author.slug}`,
      await avatarArtwork({ hue, size: 480 }),
      `Portrait placeholder for ${author.name}`,
    );
    await this.entry('api::author.author', `author:${author.slug}`, author.slug, { ...fields, avatar });
  }

  private async article(article: SeedArticle) {
    const publishedAt = new Date(this.now - article.hoursAgo * HOUR);
    const data = {
      title: article.title,
      slug: article.slug,
      format: article.format,
      standfirst: article.standfirst,
      body: await this.articleBody(article),
      cover: await this.figure(`cover-${article.slug}`, article.cover),
      authors: article.authors.map((slug) => this.id(`author:${slug}`)),
      section: this.id(`section:${article.section}`),
      tags: article.tags.map((slug) => this.id(`tag:${slug}`)),
      series: article.seriesPart ? this.id(`series:${SERIES.slug}`) : undefined,
      partNumber: article.seriesPart,
      editorsNote: article.editorsNote ? this.id(`note:${article.editorsNote}`) : undefined,
      corrections: article.corrections?.map((c) => ({
        date: new Date(publishedAt.getTime() + c.daysAfterPublish * 24 * HOUR + HOUR).toISOString(),
        text: c.text,
      })),
      internalNotes: article.draft ? 'Waiting for the committee papers.' : undefined,
      publishAt: article.publishInHours ? new Date(this.now + article.publishInHours * HOUR).toISOString() : undefined,
    };
    const documentId = await this.entry('api::article.article', `article:${article.slug}`, article.slug, data, undefined, !article.draft);

    if (!article.draft) {
      // Backdate the server-stamped times so the demo reads like an outlet with a history.
      const updatedAt = new Date(this.now - (article.updatedHoursAgo ?? article.hoursAgo) * HOUR);
      await this.strapi.db.query('api::article.article').updateMany({
        where: { documentId, locale: 'en' },
        data: { firstPublishedAt: publishedAt, lastEditorialUpdateAt: updatedAt },
      });
      // The index orders by first publication: it follows the backdating as a rebuild would.
      await searchIndexer(this.strapi).syncDocument(documentId);
    }
  }

  /** Rich text, split around the inline figure when the article has one. */
  private async articleBody(article: SeedArticle) {
    const { inlineFigure, paragraphs } = article;
    const split = inlineFigure ? inlineFigure.afterParagraph + 1 : paragraphs.length;
    const body: Record<string, unknown>[] = [{ __component: 'content.rich-text', body: paragraphsToBlocks(paragraphs.slice(0, split)) }];
    if (inlineFigure) {
      body.push({ __component: 'media.figure', ...(await this.figure(`inline-${article.slug}`, inlineFigure)) });
      body.push({ __component: 'content.rich-text', body: paragraphsToBlocks(paragraphs.slice(split)) });
    }
    return body;
  }

  /** Chinese versions: the section, tags and author an article needs first, then the article and the site. */
  private async chinese() {
    const translate = async (uid: Uid | 'api::site.site', documentId: string, data: Record<string, unknown>) => {
      const documents = this.strapi.documents(uid as 'api::article.article');
      if (await documents.findOne({ documentId, locale: 'zh', status: 'draft' })) return;
      await documents.update({ documentId, locale: 'zh', data });
      await documents.publish({ documentId, locale: 'zh' });
    };
    for (const [slug, fields] of Object.entries(ZH.sections)) {
      await translate('api::section.section', this.id(`section:${slug}`), { ...fields, slug });
    }
    for (const [slug, fields] of Object.entries(ZH.tags)) {
      await translate('api::tag.tag', this.id(`tag:${slug}`), { ...fields, slug });
    }
    for (const [slug, fields] of Object.entries(ZH.authors)) {
      const author = required(
        AUTHORS.find((a) => a.slug === slug),
        `author ${slug}`,
      );
      await translate('api::author.author', this.id(`author:${slug}`), { ...fields, name: author.name, slug });
    }
    for (const [slug, zh] of Object.entries(ZH.articles)) {
      const original = required(
        ARTICLES.find((a) => a.slug === slug),
        `article ${slug}`,
      );
      const documentId = this.id(`article:${slug}`);
      await translate('api::article.article', documentId, {
        title: zh.title,
        slug,
        format: original.format,
        standfirst: zh.standfirst,
        body: [{ __component: 'content.rich-text', body: paragraphsToBlocks([...zh.paragraphs]) }],
        cover: await this.figure(`cover-${slug}`, { ...zh.cover, hue: original.cover.hue }),
        authors: original.authors.filter((a) => a in ZH.authors).map((a) => this.id(`author:${a}`)),
        section: original.section in ZH.sections ? this.id(`section:${original.section}`) : undefined,
        tags: original.tags.filter((t) => t in ZH.tags).map((t) => this.id(`tag:${t}`)),
        // Translated by people, from the English (publishing records the version it follows).
        translationOrigin: 'human',
        translatedFrom: 'en',
      });
    }
    const site = await this.strapi.documents('api::site.site').findFirst({ locale: 'en', status: 'draft' });
    if (site)
      await translate('api::site.site', site.documentId, { ...SITE, ...ZH.site, navigation: [{ label: '城市', url: '/sections/city' }] });
  }

  private async site() {
    const documents = this.strapi.documents('api::site.site');
    if (await documents.findFirst({ locale: 'en', status: 'draft' })) return;
    const logo = await this.upload('site-logo', await avatarArtwork({ hue: SERIES.hue, size: 256 }), `${SITE.name} logo`);
    const defaultShareImage = await this.upload(
      'site-share',
      await estuaryArtwork({ hue: SERIES.hue, width: 1200, height: 630 }),
      SITE.name,
    );
    const site = await documents.create({ data: { ...SITE, logo, defaultShareImage }, locale: 'en' });
    await documents.publish({ documentId: site.documentId, locale: 'en' });
  }

  private async figure(name: string, figure: SeedFigure) {
    const image = await this.upload(name, await estuaryArtwork({ hue: figure.hue, width: 1600, height: 900 }), figure.alt);
    return {
      image,
      caption: figure.caption,
      credit: figure.credit,
      alt: figure.alt,
      licence: figure.licence ?? 'staff',
      usableUntil: figure.usableForDays ? new Date(this.now + figure.usableForDays * 24 * HOUR).toISOString() : undefined,
    };
  }

  /** Uploads through Strapi's upload plugin, so every image gets its responsive formats. */
  private async upload(name: string, buffer: Buffer, alternativeText: string) {
    const existing = await this.strapi.db.query('plugin::upload.file').findOne({ where: { name: `${name}.jpg` } });
    if (existing) return existing.id as number;
    const filepath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seed-')), `${name}.jpg`);
    fs.writeFileSync(filepath, buffer);
    try {
      const [file] = await this.strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: { fileInfo: { name: `${name}.jpg`, alternativeText } },
          files: { filepath, originalFilename: `${name}.jpg`, mimetype: 'image/jpeg', size: buffer.length },
        });
      return file.id as number;
    } finally {
      fs.rmSync(path.dirname(filepath), { recursive: true, force: true });
    }
  }
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The seed's Chinese edition names an unknown ${what}`);
  return value;
}
