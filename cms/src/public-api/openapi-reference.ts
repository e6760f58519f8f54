/**
 * The API reference for people (GET /api/reference): one static HTML page rendered from the OpenAPI
 * document, with no script and nothing fetched from elsewhere, so it reads offline and in any browser.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- walking a JSON document

const escape = (text: unknown) =>
  String(text ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const anchor = (text: string) => text.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '');

/** A schema in a few words: its type, what it refers to, its values. */
function typeOf(schema: Json | undefined): string {
  if (!schema) return '';
  if (schema.$ref) {
    const name = String(schema.$ref).split('/').pop()!;
    return `<a href="#${anchor(name)}">${escape(name)}</a>`;
  }
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' or ');
  if (schema.enum) return schema.enum.map((value: unknown) => `<code>${escape(value)}</code>`).join(' | ');
  const types = ([] as string[]).concat(schema.type ?? 'any');
  if (types.includes('array')) return `list of ${typeOf(schema.items) || 'any'}`;
  return escape(types.join(' or '));
}

function propertiesTable(schema: Json): string {
  const properties = Object.entries((schema.properties ?? {}) as Record<string, Json>);
  if (properties.length === 0) return '';
  const rows = properties
    .map(
      ([name, property]) =>
        `<tr><td><code>${escape(name)}</code></td><td>${typeOf(property)}</td><td>${escape(property.description)}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>Field</th><th>Type</th><th>About</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function operation(path: string, method: string, op: Json): string {
  const parameters = (op.parameters ?? []) as Json[];
  const params = parameters.length
    ? `<h4>Parameters</h4><table><thead><tr><th>Name</th><th>In</th><th>Type</th><th>About</th></tr></thead><tbody>${parameters
        .map(
          (p) =>
            `<tr><td><code>${escape(p.name)}</code>${p.required ? ' (required)' : ''}</td><td>${escape(p.in)}</td><td>${typeOf(p.schema)}</td><td>${escape(p.description)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const ok = op.responses?.['200']?.content?.['application/json']?.schema as Json | undefined;
  const statuses = Object.keys(op.responses ?? {}).join(', ');
  return `<section id="${anchor(`${method} ${path}`)}"><h3><span class="method">${method.toUpperCase()}</span> <code>/api${escape(path)}</code></h3>
<p>${escape(op.summary)}${op.description ? ` ${escape(op.description)}` : ''}</p>${params}
${ok ? `<h4>Answer (200)</h4>${propertiesTable(ok)}` : ''}<p class="statuses">Statuses: ${escape(statuses)}</p></section>`;
}

export function referencePage(document: Json): string {
  const paths = Object.entries(document.paths as Record<string, Record<string, Json>>);
  const schemas = Object.entries((document.components?.schemas ?? {}) as Record<string, Json>);
  const toc = paths
    .flatMap(([path, methods]) =>
      Object.keys(methods).map(
        (method) => `<li><a href="#${anchor(`${method} ${path}`)}">${method.toUpperCase()} /api${escape(path)}</a></li>`,
      ),
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(document.info.title)}: reference</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 1.5rem;color:#1a1a1a}
code{font:0.9em ui-monospace,monospace;background:#f3f3f3;padding:0 .2em}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
.method{background:#0b5;color:#fff;border-radius:3px;padding:0 .4em;font-size:.8em}section{border-top:1px solid #ccc;margin-top:1.5rem}
.statuses{color:#555;font-size:.9em}
</style></head><body>
<h1>${escape(document.info.title)} <small>${escape(document.info.version)}</small></h1>
<p>${escape(document.info.description)}</p>
<p>The machine-readable description: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escape(document.openapi)}).</p>
<h2>Endpoints</h2><ul>${toc}</ul>
${paths
  .map(([path, methods]) =>
    Object.entries(methods)
      .map(([method, op]) => operation(path, method, op))
      .join(''),
  )
  .join('\n')}
<h2>Types</h2>
${schemas.map(([name, schema]) => `<section id="${anchor(name)}"><h3>${escape(name)}</h3>${propertiesTable(schema)}</section>`).join('\n')}
</body></html>
`;
}
