import type { Core, UID } from '@strapi/strapi';
import { PUBLIC_TYPES } from '../bootstrap/public-access';
import type { PublicField, PublicModel, PublicModels } from './query-shape';

export const MEDIA = 'plugin::upload.file';

// What the public may ask of a media file: how to show it. Not where it is used (`related` reaches drafts
// of every type), where it is stored (`provider_metadata`, `folder`) or who uploaded it.
const MEDIA_FIELDS = [
  'name',
  'alternativeText',
  'caption',
  'width',
  'height',
  'formats',
  'hash',
  'ext',
  'mime',
  'size',
  'url',
  'previewUrl',
  'focalPoint',
  'createdAt',
  'updatedAt',
];

// i18n's `localizations` join every other locale's row, drafts included: populate filters them by status,
// filters and sorting do not (a filter on a draft translation's title would answer whether it exists).
const UNFILTERABLE_RELATIONS = new Set(['localizations']);

type Attribute = { type: string; private?: boolean; target?: string; component?: string; components?: string[] };

/** The public view of every content type, component and media file, built from Strapi's models once each. */
export function publicModels(strapi: Core.Strapi): PublicModels {
  const cache = new Map<string, PublicModel>();
  return (uid) => {
    let model = cache.get(uid);
    if (!model) {
      model = build(strapi, uid);
      cache.set(uid, model);
    }
    return model;
  };
}

function build(strapi: Core.Strapi, uid: string): PublicModel {
  const fields = new Map<string, PublicField>([['id', { kind: 'scalar', type: 'integer' }]]);
  if (uid === MEDIA) {
    fields.set('documentId', { kind: 'scalar', type: 'string' });
    const attributes = strapi.getModel(MEDIA).attributes as Record<string, Attribute>;
    for (const name of MEDIA_FIELDS) fields.set(name, { kind: 'scalar', type: attributes[name].type });
    return { uid, fields };
  }
  const model = strapi.getModel(uid as UID.Schema) as { modelType: string; attributes: Record<string, Attribute> } | undefined;
  if (!model) throw new Error(`No model ${uid}`);
  if (model.modelType === 'contentType') fields.set('documentId', { kind: 'scalar', type: 'string' });
  for (const [name, attribute] of Object.entries(model.attributes)) {
    const field = publicField(name, attribute);
    if (field) fields.set(name, field);
  }
  return { uid, fields };
}

function publicField(name: string, attribute: Attribute): PublicField | null {
  if (attribute.private || attribute.type === 'password') return null;
  switch (attribute.type) {
    case 'relation':
      // Relations to types the public cannot read (admin users, folders) and polymorphic ones are not followed.
      return attribute.target && PUBLIC_TYPES.includes(attribute.target)
        ? { kind: 'relation', target: attribute.target, filterable: !UNFILTERABLE_RELATIONS.has(name) }
        : null;
    case 'component':
      return { kind: 'component', target: attribute.component! };
    case 'dynamiczone':
      return { kind: 'dynamiczone', components: attribute.components ?? [] };
    case 'media':
      return { kind: 'media', target: MEDIA };
    default:
      return { kind: 'scalar', type: attribute.type };
  }
}
