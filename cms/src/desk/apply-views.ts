import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { VIEWS, type DeskView } from './views';

// Writes the views of views.ts into the content manager's configuration (the same store the admin's
// "Configure the view" saves to), at every start, on every node. A view is written when the code's version of
// it differs from the one last written, so an editor's own later changes to a view are kept until the code's
// view changes; then the code's wins, once.

type Metadata = { edit: Record<string, unknown>; list: Record<string, unknown> };
type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: { name: string; size: number }[][] };
};
type ConfigurationService = {
  findConfiguration(model: { uid: string }): Promise<Configuration>;
  updateConfiguration(model: { uid: string }, configuration: Configuration): Promise<unknown>;
};

const versionOf = (view: DeskView) => crypto.createHash('sha256').update(JSON.stringify(view)).digest('hex').slice(0, 16);

/** The content manager's configuration with the view's words, columns, rows and order laid over it. */
export function withView(strapi: Core.Strapi, uid: string, configuration: Configuration, view: DeskView): Configuration {
  const model = (strapi.contentTypes[uid as never] ?? strapi.components[uid as never]) as { attributes: Record<string, { type: string }> };
  const fieldSizes = strapi.plugin('content-manager').service('field-sizes') as { getFieldSize(type: string): { default: number } };
  const metadatas = { ...configuration.metadatas };
  for (const [name, words] of Object.entries(view.fields)) {
    const current = metadatas[name] ?? { edit: {}, list: {} };
    metadatas[name] = {
      edit: {
        ...current.edit,
        label: words.label,
        description: words.hint ?? '',
        placeholder: words.placeholder ?? '',
        ...(words.readOnly ? { editable: false } : {}),
      },
      list: { ...current.list, label: words.column ?? words.label },
    };
  }
  const edit = view.edit.map((row) =>
    row.map((field) => {
      const [name, size] = typeof field === 'string' ? [field, undefined] : field;
      return { name, size: size ?? fieldSizes.getFieldSize(model.attributes[name].type).default };
    }),
  );
  return {
    ...configuration,
    settings: {
      ...configuration.settings,
      mainField: view.mainField,
      defaultSortBy: view.sort.by,
      defaultSortOrder: view.sort.order,
      pageSize: 20,
    },
    metadatas,
    layouts: { ...configuration.layouts, list: view.list, edit },
  };
}

export async function applyDeskViews(strapi: Core.Strapi, views: Record<string, DeskView> = VIEWS) {
  const store = strapi.store({ type: 'app', name: 'desk', key: 'views' });
  const written = ((await store.get()) as Record<string, string> | null) ?? {};
  const changed: string[] = [];
  for (const [uid, view] of Object.entries(views)) {
    const version = versionOf(view);
    if (written[uid] === version) continue;
    const isComponent = uid in strapi.components;
    const service = strapi.plugin('content-manager').service(isComponent ? 'components' : 'content-types') as ConfigurationService;
    const model = { uid };
    await service.updateConfiguration(model, withView(strapi, uid, await service.findConfiguration(model), view));
    written[uid] = version;
    changed.push(uid);
  }
  if (changed.length > 0) {
    await store.set({ value: written });
    strapi.log.info(`desk: the admin's views of ${changed.join(', ')} follow the code's`);
  }
  return changed;
}
