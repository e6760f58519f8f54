import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { ARTICLE, MACHINE_TRANSLATION_PATHS } from '@newsroom/contract';
import { createMachineDraft, DraftRefused } from './machine-drafts';
import { machineTranslation, TranslationNotFound, TranslationUnavailable } from './service';

type PermissionChecker = { can: { create: (entity: object) => boolean; read: (entity: object) => boolean } };

const REFUSAL_NAMES = { 400: 'ValidationError', 403: 'ForbiddenError', 409: 'ConflictError' } as const;

function fail(ctx: Context, status: number, name: string, message: string, headers: Record<string, string> = {}) {
  ctx.status = status;
  for (const [header, value] of Object.entries(headers)) ctx.set(header, value);
  ctx.body = { data: null, error: { status, name, message } };
}

/**
 * POST /machine-translation/drafts {documentId, from, to} (the admin API, like the plugins' routes): an editor's session (the admin's button,
 * src/admin/translation-panel.tsx) starts the `to` locale of an article from a machine translation of `from`.
 * 201 with the new draft; 400 for a request that cannot be done, 403 without the right to create in `to`,
 * 409 when `to` exists, 503 (Retry-After) when the provider or the budget says not now.
 */
async function createDraft(strapi: Core.Strapi, ctx: Context) {
  const body = (ctx.request as { body?: Record<string, unknown> }).body ?? {};
  const { documentId, from, to } = body;
  if (typeof documentId !== 'string' || typeof from !== 'string' || typeof to !== 'string' || !documentId || !from || !to) {
    return fail(ctx, 400, 'ValidationError', 'documentId, from and to are required');
  }
  const checker: PermissionChecker = strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility: ctx.state.userAbility, model: ARTICLE });
  const allowed = () => checker.can.read({ locale: from }) && checker.can.create({ locale: to });
  try {
    const made = await createMachineDraft(strapi, machineTranslation(strapi), { documentId, from, to }, allowed);
    ctx.status = 201;
    ctx.body = { data: made };
  } catch (error) {
    if (error instanceof DraftRefused) return fail(ctx, error.status, REFUSAL_NAMES[error.status], error.message);
    if (error instanceof TranslationNotFound) return fail(ctx, 404, 'NotFoundError', error.message);
    if (error instanceof TranslationUnavailable) {
      return fail(ctx, 503, 'ServiceUnavailableError', error.message, { 'Retry-After': String(error.retryAfterSeconds) });
    }
    // The Document Service refused the draft (a clash of slugs, a field too long): the editor's message.
    const status = (error as { name?: string }).name === 'ValidationError' ? 400 : 500;
    if (status === 500) throw error;
    return fail(ctx, 400, 'ValidationError', (error as Error).message);
  }
}

/**
 * GET /machine-translation/locales?from=en: who translates, and which of the site's other locales an
 * article in `from` can be machine translated into (the admin's panel offers a button for each).
 */
async function draftLocales(strapi: Core.Strapi, ctx: Context) {
  const from = ctx.query.from;
  const locales: { code: string; name: string }[] = await strapi.plugin('i18n').service('locales').find();
  if (typeof from !== 'string' || !locales.some((l) => l.code === from)) {
    return fail(ctx, 400, 'ValidationError', `from must be one of: ${locales.map((l) => l.code).join(', ')}`);
  }
  const service = machineTranslation(strapi);
  if (!service.provider) {
    ctx.body = { data: { provider: null, locales: [] } };
    return;
  }
  try {
    const targets = await service.providerTargets(from);
    ctx.body = {
      data: {
        provider: { id: service.provider.id, name: service.provider.name },
        locales: locales.filter((l) => l.code !== from && targets.includes(l.code)).map((l) => ({ code: l.code, name: l.name })),
      },
    };
  } catch (error) {
    if (error instanceof TranslationUnavailable) {
      return fail(ctx, 503, 'ServiceUnavailableError', error.message, { 'Retry-After': String(error.retryAfterSeconds) });
    }
    throw error;
  }
}

/** The admin API's machine translation routes, behind an editor's session. */
export function registerTranslationAdminRoutes(strapi: Core.Strapi) {
  const authenticated = { policies: ['admin::isAuthenticatedAdmin'] };
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'POST',
        path: MACHINE_TRANSLATION_PATHS.drafts,
        handler: (ctx: Context) => createDraft(strapi, ctx),
        config: authenticated,
      },
      {
        method: 'GET',
        path: MACHINE_TRANSLATION_PATHS.draftLocales,
        handler: (ctx: Context) => draftLocales(strapi, ctx),
        config: authenticated,
      },
    ],
  } as never);
}
