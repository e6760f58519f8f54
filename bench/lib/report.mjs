// What every bench prints: command-line options and markdown tables.
export function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

export const flag = (name) => process.argv.includes(`--${name}`);

export function markdownTable(rows, columns = Object.keys(rows[0] ?? {})) {
  const cell = (value) => String(value ?? '').replaceAll('|', '\\|');
  return [
    `| ${columns.join(' | ')} |`,
    `| ${columns.map((c) => (rows.some((r) => typeof r[c] === 'number') ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${columns.map((c) => cell(row[c])).join(' | ')} |`),
  ].join('\n');
}

export const kb = (bytes) => Math.round(bytes / 102.4) / 10;
