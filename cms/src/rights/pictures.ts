import type { Core } from '@strapi/strapi';

// Where pictures are used under rights that end: every figure (media.figure) with a "usable until" time, in
// whichever content type holds figures (an article's cover, gallery and body, a series' cover), with the
// file it shows and every address that file is served at (the original and each resized format).

const FIGURE = 'media.figure';

/** One entry that shows a picture whose licence ends. */
export type PictureUse = { uid: string; documentId: string; locale: string; title: string; published: boolean };

/** A picture (an uploaded file) and when the first of its licences ends, with the entries that use it. */
export type PictureEnd = {
  fileId: number;
  name: string;
  /** Where the file is served: /uploads/<name> of the original and of every format. */
  paths: string[];
  endsAt: string;
  licence: string | null;
  credit: string | null;
  uses: PictureUse[];
};

type JoinTable = {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn?: { name: string };
  morphColumn?: { idColumn: { name: string }; typeColumn: { name: string } };
  on?: Record<string, string>;
};
type Attribute = { type: string; target?: string; joinTable?: JoinTable };
type Meta = { tableName: string; attributes: Record<string, Attribute & { columnName?: string }> };

const time = (value: unknown) =>
  new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number | Date)).toISOString();

/** Each content type's figure fields, as join tables: a component field's, or a dynamic zone's rows of figures. */
function figureJoins(strapi: Core.Strapi) {
  const joins: { uid: string; meta: Meta; join: JoinTable; figureColumn: string; typeColumn?: string }[] = [];
  for (const [uid, model] of Object.entries(strapi.contentTypes)) {
    if (!uid.startsWith('api::')) continue;
    const schema = model.attributes as Record<string, { type: string; component?: string; components?: string[] }>;
    const meta = strapi.db.metadata.get(uid) as unknown as Meta;
    for (const [name, attribute] of Object.entries(schema)) {
      const holdsFigures =
        (attribute.type === 'component' && attribute.component === FIGURE) ||
        (attribute.type === 'dynamiczone' && attribute.components?.includes(FIGURE));
      const join = meta.attributes[name]?.joinTable;
      if (!holdsFigures || !join) continue;
      const figureColumn = join.inverseJoinColumn?.name ?? join.morphColumn!.idColumn.name;
      joins.push({ uid, meta, join, figureColumn, typeColumn: join.morphColumn?.typeColumn.name });
    }
  }
  return joins;
}

/**
 * The pictures whose licence ends (or has ended) at a recorded time, each with its earliest end and the
 * entries that show it; only published rows unless `drafts`, so what readers see is what is withheld.
 */
export async function picturesWithEnds(strapi: Core.Strapi, { drafts = false } = {}): Promise<PictureEnd[]> {
  const knex = strapi.db.connection;
  const figureMeta = strapi.db.metadata.get(FIGURE) as unknown as Meta;
  const usableUntil = figureMeta.attributes.usableUntil.columnName ?? 'usable_until';
  const uses = new Map<number, (PictureUse & { endsAt: string })[]>();
  for (const { uid, meta, join, figureColumn, typeColumn } of figureJoins(strapi)) {
    const hasTitle = 'title' in meta.attributes;
    const query = knex(`${join.name} as j`)
      .join(`${meta.tableName} as e`, 'e.id', `j.${join.joinColumn.name}`)
      .join(`${figureMeta.tableName} as f`, 'f.id', `j.${figureColumn}`)
      .whereNotNull(`f.${usableUntil}`)
      .select('f.id as figureId', `f.${usableUntil} as usableUntil`, 'e.document_id as documentId')
      .select(knex.raw('locale' in meta.attributes ? 'e.locale as locale' : 'null as locale'))
      .select(knex.raw(hasTitle ? 'e.title as title' : 'null as title'))
      .select('e.published_at as publishedAt');
    for (const [column, value] of Object.entries(join.on ?? {})) query.where(`j.${column}`, value);
    if (typeColumn) query.where(`j.${typeColumn}`, FIGURE);
    if (!drafts) query.whereNotNull('e.published_at');
    for (const row of await query) {
      const list = uses.get(row.figureId) ?? [];
      list.push({
        uid,
        documentId: row.documentId,
        locale: row.locale ?? '',
        title: row.title ?? '',
        published: row.publishedAt != null,
        endsAt: time(row.usableUntil),
      });
      uses.set(row.figureId, list);
    }
  }
  if (uses.size === 0) return [];

  const figures = await strapi.db.query(FIGURE as never).findMany({
    where: { id: { $in: [...uses.keys()] } },
    select: ['id', 'licence', 'credit'],
    populate: { image: { select: ['id', 'name', 'url', 'formats'] } },
  });
  const pictures = new Map<number, PictureEnd>();
  for (const figure of figures as {
    id: number;
    licence: string | null;
    credit: string | null;
    image?: { id: number; name: string; url: string; formats?: Record<string, { url: string }> | null } | null;
  }[]) {
    if (!figure.image) continue;
    const { image } = figure;
    const picture = pictures.get(image.id) ?? {
      fileId: image.id,
      name: image.name,
      paths: [image.url, ...Object.values(image.formats ?? {}).map((format) => format.url)].map(
        (url) => new URL(url, 'http://cms').pathname,
      ),
      endsAt: '9999-12-31T00:00:00.000Z',
      licence: figure.licence,
      credit: figure.credit,
      uses: [],
    };
    for (const { endsAt, ...use } of uses.get(figure.id)!) {
      if (endsAt < picture.endsAt) Object.assign(picture, { endsAt, licence: figure.licence, credit: figure.credit });
      if (
        !picture.uses.some(
          (u) => u.uid === use.uid && u.documentId === use.documentId && u.locale === use.locale && u.published === use.published,
        )
      )
        picture.uses.push(use);
    }
    pictures.set(image.id, picture);
  }
  return [...pictures.values()].sort((a, b) => a.endsAt.localeCompare(b.endsAt));
}
