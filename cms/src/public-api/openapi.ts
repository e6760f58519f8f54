import type { Core } from '@strapi/strapi';
import { generate } from '@strapi/openapi';
import { CONTENT_TYPES } from '@newsroom/contract';
import { PUBLIC_TYPES } from '../bootstrap/public-access';
import { isPartnerRoute } from './partner-routes';

/**
 * The OpenAPI 3.1 description of the public API (GET /api/openapi.json), from Strapi's generator
 * (@strapi/openapi, experimental in 5.54) corrected where it is wrong for this API:
 * - only what the public may call: GET on the public types and our own routes (not writes, admin plugins,
 *   users-permissions, the regex path `/connect/(.*)`, the web app's machine translations);
 * - `documentId` is a 24-character cuid2, not a UUID; fields that may be empty are nullable; no datetime
 *   default stamped with the moment of generation; parameters our query guard refuses (`_q`,
 *   `publicationFilter`, `hasPublishedVersion`) left out, and `filters` described as what it is;
 * - a server (`/api`), anonymous access or a partner's bearer token, the caching and limits headers, and our
 *   error bodies; search, Search Trends and the machine translation languages described by hand.
 * The result is pinned in packages/contract/openapi.json (the contract test compares them).
 */
type Json = Record<string, unknown>;
type Operation = { parameters?: Json[]; responses?: Json; tags?: string[]; summary?: string; description?: string; operationId?: string };

const REFUSED_PARAMETERS = new Set(['_q', 'publicationFilter', 'hasPublishedVersion']);
const DOCUMENT_ID = { type: 'string', pattern: '^[a-z0-9]{24}$', description: 'The document ID: 24 lower-case letters and digits (cuid2)' };

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Removes what is wrong everywhere: per-schema `$schema`, UUID document ids, generation-time defaults. */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (!isObject(node)) return node;
  if (node.format === 'uuid') return { ...DOCUMENT_ID };
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema') continue;
    if (key === 'default' && node.description === 'A datetime field') continue;
    out[key] = tidy(value);
  }
  return out;
}

/**
 * An entry as answers hold it: any field may be empty (null) but its identity, and which fields are there
 * depends on `fields` and `populate` (so none is required, and a component's own `id` comes along).
 */
function entrySchema(schema: Json): Json {
  const properties = schema.properties as Record<string, Json> | undefined;
  if (!properties) return schema;
  const out: Record<string, Json> = { id: { type: 'integer' } };
  for (const [name, property] of Object.entries(properties)) {
    if (name === 'id' || name === 'documentId') out[name] = property;
    else if (typeof property.type === 'string') {
      out[name] = {
        ...property,
        type: [property.type, 'null'],
        ...(property.enum ? { enum: [...(property.enum as unknown[]), null] } : {}),
      };
    } else if (property.$ref) out[name] = { description: property.description, anyOf: [{ $ref: property.$ref }, { type: 'null' }] };
    else out[name] = property;
  }
  const { required: _required, additionalProperties: _closed, ...rest } = schema;
  return { ...rest, properties: out };
}

const schemaName = (uid: string) =>
  uid
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('') + 'Document';

const errorResponses = {
  '400': { $ref: '#/components/responses/BadRequest' },
  '401': { $ref: '#/components/responses/Unauthorized' },
  '403': { $ref: '#/components/responses/Forbidden' },
  '429': { $ref: '#/components/responses/TooManyRequests' },
};
const okHeaders = {
  ETag: { $ref: '#/components/headers/ETag' },
  'Cache-Control': { $ref: '#/components/headers/Cache-Control' },
  RateLimit: { $ref: '#/components/headers/RateLimit' },
  'RateLimit-Policy': { $ref: '#/components/headers/RateLimit-Policy' },
};
const ok = (description: string, schema: Json) => ({
  '200': { description, headers: okHeaders, content: { 'application/json': { schema } } },
  '304': { description: 'Not modified: the answer is the one whose ETag the request sent in If-None-Match' },
  ...errorResponses,
});
const queryParameter = (name: string, description: string, schema: Json, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const localeParameter = queryParameter('locale', 'The locale (default: the outlet’s default locale)', { type: 'string' });

const pagination = {
  type: 'object',
  properties: { page: { type: 'integer' }, pageSize: { type: 'integer' }, pageCount: { type: 'integer' }, total: { type: 'integer' } },
};

/** Our own routes, which Strapi's generator knows only by path. */
function ownPaths(): Record<string, { get: Operation }> {
  const named = { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' } } };
  const segments = {
    type: 'array',
    items: { type: 'object', required: ['text'], properties: { text: { type: 'string' }, hit: { const: true } } },
  };
  return {
    '/search': {
      get: {
        operationId: 'search/get/search',
        tags: ['search'],
        summary: 'Search published articles',
        description:
          'Published articles matching every word (or "a phrase") of `q` in one locale, best first, with the matches highlighted.',
        parameters: [
          queryParameter('q', 'The words to search for', { type: 'string', minLength: 1 }, true),
          localeParameter,
          queryParameter('section', 'Only articles of this section (its slug)', { type: 'string' }),
          queryParameter('author', 'Only articles by this author (their slug)', { type: 'string' }),
          queryParameter('tag', 'Only articles with this tag (its slug)', { type: 'string' }),
          queryParameter('page', 'The page, from 1', { type: 'integer', minimum: 1 }),
          queryParameter('pageSize', 'Articles a page', { type: 'integer', minimum: 1 }),
        ],
        responses: ok('The matching articles', {
          type: 'object',
          required: ['data', 'meta'],
          properties: {
            data: {
              type: 'array',
              items: {
                type: 'object',
                required: ['documentId', 'slug', 'title', 'publishedAt'],
                properties: {
                  documentId: DOCUMENT_ID,
                  locale: { type: 'string' },
                  slug: { type: 'string' },
                  title: { type: 'string' },
                  standfirst: { type: ['string', 'null'] },
                  publishedAt: { type: 'string', format: 'date-time' },
                  section: { anyOf: [named, { type: 'null' }] },
                  authors: { type: 'array', items: named },
                  highlights: {
                    type: 'object',
                    description: 'The title and a snippet as runs of text, `hit` marking the words that matched',
                    properties: { title: segments, snippet: segments },
                  },
                },
              },
            },
            meta: {
              type: 'object',
              properties: {
                query: { type: 'string' },
                locale: { type: 'string' },
                pagination: { ...pagination, properties: { ...pagination.properties, capped: { type: 'boolean' } } },
              },
            },
          },
        }),
      },
    },
    '/search-trends': {
      get: {
        operationId: 'search-trends/get/search_trends',
        tags: ['search-trends'],
        summary: 'What readers search for now',
        description: 'The terms readers of one locale search for most in the last hours, pinned terms first.',
        parameters: [localeParameter],
        responses: ok('The current trends', {
          type: 'object',
          required: ['data'],
          properties: {
            data: {
              type: 'array',
              items: { type: 'object', required: ['term'], properties: { term: { type: 'string' }, pinned: { type: 'boolean' } } },
            },
            meta: { type: 'object', properties: { locale: { type: 'string' } } },
          },
        }),
      },
    },
    '/machine-translation/languages': {
      get: {
        operationId: 'machine-translation/get/machine_translation_languages',
        tags: ['machine-translation'],
        summary: 'Languages articles can be machine translated into',
        description: 'The languages the configured translation engine offers from one locale; none when there is no engine.',
        parameters: [localeParameter],
        responses: ok('The languages', {
          type: 'object',
          required: ['data'],
          properties: {
            data: { type: 'array', items: { type: 'string' } },
            meta: { type: 'object', properties: { locale: { type: 'string' }, provider: { type: ['string', 'null'] } } },
          },
        }),
      },
    },
  };
}

const contentTypeOfPath = new Map<string, string>(
  Object.values(CONTENT_TYPES)
    .filter((type) => PUBLIC_TYPES.includes(type.uid))
    .map((type) => [type.path, type.uid]),
);

function contentOperation(path: string, operation: Operation): Operation {
  const [, collection, one] = /^(\/[^/]+)(\/\{id\})?$/.exec(path) ?? [];
  const uid = contentTypeOfPath.get(collection)!;
  const single = collection === CONTENT_TYPES.site.path;
  const document = { $ref: `#/components/schemas/${schemaName(uid)}` };
  const parameters = (operation.parameters ?? [])
    .filter((parameter) => !REFUSED_PARAMETERS.has(parameter.name as string))
    .map((parameter) => {
      if (parameter.in === 'path') return { ...parameter, description: 'The document ID', schema: DOCUMENT_ID };
      if (parameter.name === 'filters') {
        return {
          ...parameter,
          description:
            'Conditions on fields, relations and components, e.g. filters[slug][$eq]=...&filters[authors][slug][$in][0]=...; combine with $and, $or, $not',
          schema: { type: 'object' },
        };
      }
      if (parameter.name === 'status') {
        return {
          ...parameter,
          description: 'published (the default); drafts are for the web app’s preview only',
          schema: { type: 'string', enum: ['published'] },
        };
      }
      return parameter;
    });
  const schema =
    one || single
      ? { type: 'object', required: ['data'], properties: { data: document, meta: { type: 'object' } } }
      : {
          type: 'object',
          required: ['data', 'meta'],
          properties: { data: { type: 'array', items: document }, meta: { type: 'object', properties: { pagination } } },
        };
  return {
    operationId: operation.operationId,
    tags: operation.tags,
    summary: one
      ? `One published ${collection.slice(1)} entry, by document ID`
      : single
        ? 'The site’s settings'
        : `Published ${collection.slice(1)}`,
    parameters,
    responses: { ...ok('OK', schema), '404': { $ref: '#/components/responses/NotFound' } },
  };
}

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    data: { type: 'null' },
    error: {
      type: 'object',
      required: ['status', 'message'],
      properties: { status: { type: 'integer' }, name: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};
const strapiError = (description: string) => ({ description, content: { 'application/json': { schema: errorBody } } });

export function publicApiDocument(strapi: Core.Strapi, version: string): Json {
  const generated = tidy(generate(strapi, { type: 'content-api' }).document) as Json;
  const paths: Record<string, Json> = {};
  for (const [path, methods] of Object.entries(generated.paths as Record<string, Record<string, Operation>>)) {
    if (!isPartnerRoute(`/api${path.replace('{id}', 'x')}`) || !methods.get) continue;
    if (contentTypeOfPath.has(path.replace(/\/\{id\}$/, ''))) paths[path] = { get: contentOperation(path, methods.get) };
  }
  Object.assign(paths, ownPaths());

  const generatedSchemas = { ...((generated.components as Json).schemas as Record<string, Json>) };
  // A type no other refers to has its schema only inline, in its own answers.
  for (const [path, uid] of contentTypeOfPath) {
    const methods = (generated.paths as Record<string, Record<string, Json>>)[path];
    const answer = methods?.get?.responses as Json | undefined;
    const data = (answer?.['200'] as Json | undefined)?.content as Json | undefined;
    const inline = ((data?.['application/json'] as Json)?.schema as Json)?.properties as Json | undefined;
    const entry = inline?.data as Json | undefined;
    generatedSchemas[schemaName(uid)] ??= ((entry?.type === 'array' ? entry.items : entry) ?? {}) as Json;
  }
  const schemas: Record<string, Json> = {};
  for (const [name, schema] of Object.entries(generatedSchemas)) schemas[name] = entrySchema(schema);
  for (const uid of PUBLIC_TYPES) if (!schemas[schemaName(uid)]) throw new Error(`OpenAPI: no schema for ${uid}`);
  // A figure whose licence ended keeps its words and loses its picture (src/middlewares/picture-rights.ts).
  const figure = (schemas.MediaFigureEntry?.properties as Record<string, Json> | undefined)?.image;
  if (figure) {
    figure.description =
      'The picture; null once its licence has ended (usableUntil is past): show the caption and credit without it. Its files then answer 410.';
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'The Tidewater Ledger public API',
      version,
      description:
        'Published articles, authors, sections, tags, series, pages, editors’ notes, slug redirects and the site’s settings, ' +
        'plus search and Search Trends. Read anonymously or with a partner’s read-only token. Every answer carries an ETag ' +
        '(send If-None-Match for a 304) and the RateLimit headers; past the limit the answer is a 429 with Retry-After.',
    },
    servers: [{ url: '/api', description: 'This CMS (or the edge in front of it)' }],
    security: [{}, { partnerToken: [] }],
    tags: Object.keys(paths)
      .map((path) => (paths[path].get as Operation).tags?.[0])
      .filter((tag, i, all): tag is string => !!tag && all.indexOf(tag) === i)
      .sort()
      .map((name) => ({ name })),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      securitySchemes: {
        partnerToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'A partner’s read-only, expiring API token, issued in the admin (Settings → API Tokens)',
        },
      },
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
      headers: {
        ETag: { description: 'A strong validator of the answer', schema: { type: 'string' } },
        'Cache-Control': {
          description:
            'public with s-maxage for anonymous answers (kept by the edge until a publish purges them); private, no-cache for a token',
          schema: { type: 'string' },
        },
        RateLimit: {
          description: 'Requests left in the window (r) and seconds until it resets (t), IETF draft',
          schema: { type: 'string' },
        },
        'RateLimit-Policy': { description: 'The quota (q) a window of w seconds, per client address or token', schema: { type: 'string' } },
      },
      responses: {
        BadRequest: strapiError('The request is malformed; the message names the parameter'),
        Unauthorized: strapiError('The token is unknown, revoked or expired'),
        Forbidden: strapiError('Not for this client (drafts, or a route a partner token may not read)'),
        NotFound: strapiError('No published entry has this document ID'),
        TooManyRequests: {
          description: 'Past the limit: wait Retry-After seconds',
          headers: { 'Retry-After': { schema: { type: 'integer' } } },
          content: {
            'application/problem+json': {
              schema: {
                type: 'object',
                required: ['status', 'title'],
                properties: {
                  type: { type: 'string' },
                  title: { type: 'string' },
                  status: { type: 'integer' },
                  detail: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
  };
}
