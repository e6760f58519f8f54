import { parseArgs } from 'node:util';

// What every bench prints: command-line options and markdown tables.
// Each bench names its own options: `--name value`, `--name=value` and switches (`--name`) are read from
// parseArgs' tokens, an option taking the argument after it as its value.
const { tokens } = parseArgs({ strict: false, allowPositionals: true, tokens: true });
const values = new Map();
tokens.forEach((token, i) => {
  if (token.kind !== 'option') return;
  const next = tokens[i + 1];
  values.set(token.name, token.value ?? (next?.kind === 'positional' ? next.value : true));
});

/** The value of `--name value`, or `fallback`. */
export function option(name, fallback) {
  const value = values.get(name);
  return typeof value === 'string' ? value : fallback;
}

/** Whether `--name` was given. */
export const flag = (name) => values.has(name);

export function markdownTable(rows, columns = Object.keys(rows[0] ?? {})) {
  const cell = (value) => String(value ?? '').replaceAll('|', '\\|');
  return [
    `| ${columns.join(' | ')} |`,
    `| ${columns.map((c) => (rows.some((r) => typeof r[c] === 'number') ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${columns.map((c) => cell(row[c])).join(' | ')} |`),
  ].join('\n');
}

export const kb = (bytes) => Math.round(bytes / 102.4) / 10;
