/**
 * The grammar of a public REST query, checked against the content model before Strapi reads it.
 *
 * Strapi 5.54 answers many malformed shapes with a 500 (`filters[$and]=1`, `filters[title][$between]=x`,
 * `sort[title][x]=asc`, `fields=`, a component asked for its `documentId`, a word where a number goes on
 * PostgreSQL, ...) and reads one legitimate shape wrongly (a `$not` directly under a relation). Rather than
 * list the strings that break it, this walks each parameter through the public view of the model
 * (`PublicModel`) and accepts only what Strapi can answer: anything else is a `QueryShapeError` naming the
 * parameter. What it returns is the query Strapi should read (the same query, with relation-level `$not`
 * rewritten into the equivalent form Strapi understands).
 */

/** A refused query: the parameter at fault (as the client wrote it) and what to do instead. */
export class QueryShapeError extends Error {
  constructor(
    readonly parameter: string,
    readonly reason: string,
  ) {
    super(`${parameter}: ${reason}`);
    this.name = 'QueryShapeError';
  }
}

/** One field as the public may use it. */
export type PublicField =
  | { kind: 'scalar'; type: string }
  | { kind: 'relation'; target: string; filterable: boolean }
  | { kind: 'component'; target: string }
  | { kind: 'media'; target: string }
  | { kind: 'dynamiczone'; components: string[] };

/** The fields of a model (content type, component or media) that the public may read, by name. */
export type PublicModel = { uid: string; fields: ReadonlyMap<string, PublicField> };
export type PublicModels = (uid: string) => PublicModel;

/** The top-level parameters of the public API; Strapi knows more (`_q`, `publicationFilter`, ...), for its admin. */
export const PUBLIC_PARAMETERS = ['filters', 'sort', 'fields', 'populate', 'pagination', 'locale', 'status'] as const;

const MAX_DEPTH = 6;
const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);
const NUMBER_TYPES = new Set(['integer', 'biginteger', 'float', 'decimal']);
// JSON and rich-text blocks can be selected, not compared or ordered.
const UNORDERED_TYPES = new Set(['json', 'blocks']);
const TEXT_OPERATORS = new Set([
  '$eqi',
  '$nei',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
]);
const COMPARISON_OPERATORS = new Set(['$eq', '$ne', '$lt', '$lte', '$gt', '$gte']);
const LIST_OPERATORS = new Set(['$in', '$notIn']);
const PRESENCE_OPERATORS = new Set(['$null', '$notNull']);
const FIELD_OPERATORS = [...COMPARISON_OPERATORS, ...TEXT_OPERATORS, ...LIST_OPERATORS, ...PRESENCE_OPERATORS, '$between', '$not'];
const BOOLEAN = /^(true|false|t|f|1|0)$/;
const INTEGER = /^-?\d{1,15}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
const fieldOf = (model: PublicModel, name: string) => model.fields.get(name);
const describe = (model: PublicModel) => model.uid.replace(/^api::[^.]+\./, '').replace(/^plugin::upload\.file$/, 'media');

/**
 * Checks `query` (as Strapi's qs parser produced it) for content type `uid`; returns the query to hand to
 * Strapi, or throws a QueryShapeError.
 */
export function checkQueryShape(query: Plain, uid: string, models: PublicModels): Plain {
  const model = models(uid);
  const out: Plain = { ...query };
  for (const key of Object.keys(query)) {
    if (!(PUBLIC_PARAMETERS as readonly string[]).includes(key)) {
      throw new QueryShapeError(key, `is not a parameter of the public API (use ${PUBLIC_PARAMETERS.join(', ')})`);
    }
  }
  if (query.filters !== undefined) out.filters = filters(models, model, query.filters, 'filters', 0);
  if (query.sort !== undefined) sort(models, model, query.sort, 'sort');
  if (query.fields !== undefined) fields(model, query.fields, 'fields');
  if (query.populate !== undefined) out.populate = populate(models, model, query.populate, 'populate', 0);
  return out;
}

function deeper(depth: number, parameter: string) {
  if (depth >= MAX_DEPTH) throw new QueryShapeError(parameter, `nests more than ${MAX_DEPTH} levels deep`);
  return depth + 1;
}

function filters(models: PublicModels, model: PublicModel, value: unknown, parameter: string, depth: number): Plain {
  if (!isPlain(value)) {
    throw new QueryShapeError(parameter, 'must name fields and operators, e.g. filters[title][$eq]=...');
  }
  const out: Plain = {};
  for (const [key, inner] of Object.entries(value)) {
    const at = `${parameter}[${key}]`;
    if (key === '$and' || key === '$or') {
      out[key] = list(inner, at, 'conditions, e.g. ' + `${at}[0][title][$eq]=...`).map((item, i) =>
        filters(models, model, item, `${at}[${i}]`, deeper(depth, at)),
      );
    } else if (key === '$not') {
      out[key] = filters(models, model, inner, at, deeper(depth, at));
    } else if (key.startsWith('$')) {
      throw new QueryShapeError(at, `${key} is not allowed here: an operator follows a field name, e.g. ${parameter}[title][${key}]=...`);
    } else {
      out[key] = fieldCondition(models, model, key, inner, at, depth);
    }
  }
  return out;
}

function fieldCondition(models: PublicModels, model: PublicModel, name: string, value: unknown, at: string, depth: number): unknown {
  const field = fieldOf(model, name);
  if (!field) throw new QueryShapeError(at, `${name} is not a public field of ${describe(model)}`);
  switch (field.kind) {
    case 'scalar':
      if (UNORDERED_TYPES.has(field.type)) throw new QueryShapeError(at, `${name} (${field.type}) cannot be filtered on`);
      return scalarCondition(field.type, value, at, depth);
    case 'dynamiczone':
      throw new QueryShapeError(at, `${name} is a dynamic zone and cannot be filtered on`);
    case 'relation':
      if (!field.filterable) throw new QueryShapeError(at, `${name} cannot be filtered on (it may reach entries that are not public)`);
      return relationCondition(models, models(field.target), value, at, depth);
    default:
      return relationCondition(models, models(field.target), value, at, depth);
  }
}

/** A condition on a relation, component or media: the related entry's fields, or one operator on its id. */
function relationCondition(models: PublicModels, target: PublicModel, value: unknown, at: string, depth: number): unknown {
  if (!isPlain(value)) return scalarCondition('integer', value, at, depth);
  const keys = Object.keys(value);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length === 0) return filters(models, target, value, at, deeper(depth, at));
  if (operators.length !== keys.length) throw new QueryShapeError(at, 'cannot mix operators and field names: combine them with $and');
  if (operators.length > 1) throw new QueryShapeError(at, 'takes one operator at a time: combine several with $and');
  const [operator] = operators;
  if (operator === '$and' || operator === '$or') return filters(models, target, value, at, depth);
  if (operator === '$not') {
    // Strapi 5.54 reads `relation: { $not: {...} }` as a column operator and fails; `$and: [{ $not }]` is
    // the same condition in a shape it reads.
    return { $and: [{ $not: filters(models, target, value.$not, `${at}[$not]`, deeper(depth, at)) }] };
  }
  return scalarCondition('integer', value, at, depth);
}

function scalarCondition(type: string, value: unknown, at: string, depth: number): unknown {
  if (value === null) return value; // `filters[title]` with no value: Strapi reads "is null"
  if (typeof value === 'string') {
    scalarValue(type, value, at);
    return value;
  }
  if (!isPlain(value)) throw new QueryShapeError(at, 'must be a value or operators, e.g. ' + `${at}[$eq]=...`);
  const out: Plain = {};
  for (const [operator, operand] of Object.entries(value)) {
    const opAt = `${at}[${operator}]`;
    if (!FIELD_OPERATORS.includes(operator)) {
      throw new QueryShapeError(opAt, `${operator} is not an operator (use one of ${FIELD_OPERATORS.join(', ')})`);
    }
    if (operator === '$not') {
      out[operator] = scalarCondition(type, operand, opAt, deeper(depth, opAt));
    } else if (PRESENCE_OPERATORS.has(operator)) {
      if (typeof operand !== 'string' || !BOOLEAN.test(operand)) throw new QueryShapeError(opAt, 'must be true or false');
      out[operator] = operand;
    } else if (operator === '$between') {
      const bounds = list(operand, opAt, 'two bounds, e.g. ' + `${opAt}[0]=...&${opAt}[1]=...`);
      if (bounds.length !== 2) throw new QueryShapeError(opAt, 'takes exactly two bounds');
      bounds.forEach((bound, i) => scalarOperand(type, bound, `${opAt}[${i}]`));
      out[operator] = bounds;
    } else {
      if (TEXT_OPERATORS.has(operator) && !TEXT_TYPES.has(type)) {
        throw new QueryShapeError(opAt, `${operator} compares text; this field holds ${type === 'integer' ? 'numbers' : type}`);
      }
      // A list where one value goes means "any of them", for every operator Strapi allows it on.
      const operands = Array.isArray(operand) ? operand : [operand];
      operands.forEach((item, i) => scalarOperand(type, item, Array.isArray(operand) ? `${opAt}[${i}]` : opAt));
      out[operator] = operand;
    }
  }
  return out;
}

function scalarOperand(type: string, value: unknown, at: string) {
  if (value === null) return;
  if (typeof value !== 'string') throw new QueryShapeError(at, 'must be a single value');
  scalarValue(type, value, at);
}

/** A value compared with a field of `type`: text of any kind, or what the column can hold. */
function scalarValue(type: string, value: string, at: string) {
  if (value.includes('\u0000')) throw new QueryShapeError(at, 'contains a NUL character');
  const bad = (what: string) => new QueryShapeError(at, `must be ${what}, not "${value.slice(0, 40)}"`);
  if (NUMBER_TYPES.has(type)) {
    if (
      type === 'integer' || type === 'biginteger' ? !INTEGER.test(value.trim()) : value.trim() === '' || !Number.isFinite(Number(value))
    ) {
      throw bad('a number');
    }
  } else if (type === 'boolean') {
    if (!BOOLEAN.test(value)) throw bad('true or false');
  } else if (type === 'date') {
    if (!DATE.test(value) || Number.isNaN(Date.parse(value))) throw bad('a date (YYYY-MM-DD)');
  } else if (type === 'datetime' || type === 'timestamp') {
    if (!/^\d{1,15}$/.test(value) && Number.isNaN(Date.parse(value))) throw bad('a date and time (ISO 8601)');
  } else if (type === 'time') {
    if (!TIME.test(value)) throw bad('a time (HH:mm:ss)');
  }
}

function list(value: unknown, at: string, what: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0) throw new QueryShapeError(at, `must be a list of ${what} (at most 100 items)`);
  return value;
}

/** `sort=title:desc,authors.name`, `sort[0]=title:asc`, `sort[title]=asc`, `sort[authors][name]=desc`. */
function sort(models: PublicModels, model: PublicModel, value: unknown, parameter: string) {
  if (typeof value === 'string') {
    for (const item of value.split(',')) sortPath(models, model, item.trim(), parameter);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => sort(models, model, item, `${parameter}[${i}]`));
  } else if (isPlain(value)) {
    sortObject(models, model, value, parameter, 0);
  } else {
    throw new QueryShapeError(parameter, 'must be field[:asc|:desc], e.g. sort=firstPublishedAt:desc');
  }
}

function sortPath(models: PublicModels, model: PublicModel, item: string, parameter: string) {
  const [path, direction, ...rest] = item.split(':');
  if (rest.length > 0 || (direction !== undefined && !/^(asc|desc)$/i.test(direction))) {
    throw new QueryShapeError(parameter, `"${item.slice(0, 60)}" must be field[:asc|:desc]`);
  }
  let current = model;
  const names = path.split('.');
  names.forEach((name, i) => {
    const field = sortableField(current, name, parameter);
    if (field.kind === 'scalar') {
      if (i !== names.length - 1) throw new QueryShapeError(parameter, `${name} has no fields of its own to sort by`);
    } else {
      if (i === names.length - 1)
        throw new QueryShapeError(parameter, `${name} is not a value: sort by one of its fields, e.g. ${name}.id`);
      current = models(field.target);
    }
  });
}

function sortObject(models: PublicModels, model: PublicModel, value: Plain, parameter: string, depth: number) {
  for (const [name, inner] of Object.entries(value)) {
    const at = `${parameter}[${name}]`;
    const field = sortableField(model, name, at);
    if (field.kind === 'scalar') {
      if (typeof inner !== 'string' || !/^(asc|desc)$/i.test(inner)) throw new QueryShapeError(at, 'must be asc or desc');
    } else if (isPlain(inner)) {
      sortObject(models, models(field.target), inner, at, deeper(depth, at));
    } else {
      throw new QueryShapeError(at, `${name} is not a value: sort by one of its fields, e.g. ${at}[id]=asc`);
    }
  }
}

function sortableField(model: PublicModel, name: string, at: string) {
  const field = fieldOf(model, name);
  if (!field) throw new QueryShapeError(at, `${name || '(nothing)'} is not a public field of ${describe(model)}`);
  if (field.kind === 'dynamiczone' || (field.kind === 'scalar' && UNORDERED_TYPES.has(field.type))) {
    throw new QueryShapeError(at, `${name} cannot be sorted by`);
  }
  if (field.kind === 'relation' && !field.filterable) throw new QueryShapeError(at, `${name} cannot be sorted by`);
  return field;
}

/** `fields=title,slug` or `fields[0]=title`: values of the model itself (relations are populated instead). */
function fields(model: PublicModel, value: unknown, parameter: string) {
  const names = typeof value === 'string' ? value.split(',').map((name) => name.trim()) : value;
  if (!Array.isArray(names) || names.length === 0) throw new QueryShapeError(parameter, 'must list field names, e.g. fields[0]=title');
  names.forEach((name, i) => {
    const at = Array.isArray(value) ? `${parameter}[${i}]` : parameter;
    if (typeof name !== 'string' || name === '') throw new QueryShapeError(at, 'must be a field name');
    const field = fieldOf(model, name);
    if (!field) throw new QueryShapeError(at, `${name} is not a public field of ${describe(model)}`);
    if (field.kind !== 'scalar') throw new QueryShapeError(at, `${name} is not a value: ask for it with populate[${name}]`);
  });
}

const POPULATE_OPTIONS: Record<PublicField['kind'], string[]> = {
  relation: ['fields', 'populate', 'filters', 'sort', 'count'],
  component: ['fields', 'populate', 'filters', 'sort', 'count'],
  // Media is a leaf: its `related` entries include drafts of every type, so nothing is populated from it.
  media: ['fields'],
  dynamiczone: ['on', 'populate'],
  scalar: [],
};

/** `populate=*`, `populate=authors,cover.image`, `populate[authors][fields][0]=name`, `populate[body][on][...]`. */
function populate(models: PublicModels, model: PublicModel, value: unknown, parameter: string, depth: number): unknown {
  if (value === '*') return value;
  if (typeof value === 'string') {
    for (const path of value.split(',')) populatePath(models, model, path.trim(), parameter);
    return value;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (typeof item !== 'string') throw new QueryShapeError(`${parameter}[${i}]`, 'must be a field name');
      populatePath(models, model, item, `${parameter}[${i}]`);
    });
    return value;
  }
  if (!isPlain(value)) throw new QueryShapeError(parameter, 'must be *, field names, or populate[field][...] options');
  const out: Plain = {};
  for (const [name, inner] of Object.entries(value)) {
    const at = `${parameter}[${name}]`;
    const field = populatableField(model, name, at);
    if (typeof inner === 'string' && /^(true|false)$/.test(inner)) out[name] = inner;
    else if (isPlain(inner)) out[name] = populateOptions(models, field, inner, at, deeper(depth, at));
    else throw new QueryShapeError(at, 'must be true, false, or options such as ' + `${at}[fields][0]=...`);
  }
  return out;
}

function populatePath(models: PublicModels, model: PublicModel, path: string, parameter: string) {
  let current: PublicModel | null = model;
  for (const name of path.split('.')) {
    if (!current) throw new QueryShapeError(parameter, `"${path.slice(0, 60)}" goes past a media or dynamic zone field`);
    const field = populatableField(current, name, parameter);
    current = field.kind === 'relation' || field.kind === 'component' ? models(field.target) : null;
  }
}

function populatableField(model: PublicModel, name: string, at: string) {
  const field = fieldOf(model, name);
  if (!field) throw new QueryShapeError(at, `${name || '(nothing)'} is not a public field of ${describe(model)}`);
  if (field.kind === 'scalar') throw new QueryShapeError(at, `${name} is a value, not a relation: ask for it with fields`);
  return field;
}

function populateOptions(
  models: PublicModels,
  field: Exclude<PublicField, { kind: 'scalar' }>,
  options: Plain,
  at: string,
  depth: number,
): Plain {
  const allowed = POPULATE_OPTIONS[field.kind];
  if (options.count === 'true') {
    // A count replaces the entries; Strapi 5.54 fails on PostgreSQL when it is also asked to sort or populate them.
    const extra = Object.keys(options).find((key) => key !== 'count' && key !== 'filters');
    if (extra) throw new QueryShapeError(`${at}[${extra}]`, 'cannot go with count=true (only filters can: what to count)');
  }
  const out: Plain = { ...options };
  for (const [key, inner] of Object.entries(options)) {
    const optionAt = `${at}[${key}]`;
    if (!allowed.includes(key)) {
      throw new QueryShapeError(optionAt, `${key} is not an option here (use ${allowed.join(', ')})`);
    }
    if (field.kind === 'dynamiczone') {
      if (key === 'populate') {
        if (inner !== '*') throw new QueryShapeError(optionAt, 'must be * (or choose per component with on)');
        continue;
      }
      if (!isPlain(inner))
        throw new QueryShapeError(optionAt, 'must name components, e.g. ' + `${optionAt}[media.figure][fields][0]=caption`);
      const fragments: Plain = {};
      for (const [component, fragment] of Object.entries(inner)) {
        const fragmentAt = `${optionAt}[${component}]`;
        if (!field.components.includes(component)) {
          throw new QueryShapeError(fragmentAt, `${component} is not one of ${field.components.join(', ')}`);
        }
        if (typeof fragment === 'string' && /^(true|false)$/.test(fragment)) fragments[component] = fragment;
        else if (isPlain(fragment)) {
          fragments[component] = populateOptions(
            models,
            { kind: 'component', target: component },
            fragment,
            fragmentAt,
            deeper(depth, fragmentAt),
          );
        } else throw new QueryShapeError(fragmentAt, 'must be true or options such as ' + `${fragmentAt}[fields][0]=...`);
      }
      out[key] = fragments;
      continue;
    }
    const target = models(field.target);
    if (key === 'fields') fields(target, inner, optionAt);
    else if (key === 'populate') out[key] = populate(models, target, inner, optionAt, depth);
    else if (key === 'filters') out[key] = filters(models, target, inner, optionAt, depth);
    else if (key === 'sort') sort(models, target, inner, optionAt);
    else if (typeof inner !== 'string' || !/^(true|false)$/.test(inner)) throw new QueryShapeError(optionAt, 'must be true or false');
  }
  return out;
}
