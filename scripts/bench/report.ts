/** One line of the table; `target` undefined means an informative figure with nothing to pass. */
export type Row = { figure: string; value: number; unit: string; target?: { max: number; label: string } };

const format = (value: number, unit: string): string => {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 'B') return `${value.toLocaleString('en-US')} B`;
  if (unit === '×') return `${value.toFixed(3)} ×`;
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(value >= 1 ? 1 : 3)} ${unit}`;
};

/** undefined when there is nothing to pass: no target, or a figure this run did not measure (`--only`). */
export const passes = (row: Row): boolean | undefined =>
  row.target && Number.isFinite(row.value) ? row.value <= row.target.max : undefined;

export function renderTable(rows: readonly Row[]): string {
  const lines = rows.map((row) => {
    const pass = passes(row);
    return [
      row.figure,
      format(row.value, row.unit),
      row.target ? `≤ ${row.target.label}` : '—',
      pass === undefined ? '' : pass ? 'pass' : 'FAIL',
    ];
  });
  const header = ['figure', 'median', 'target', 'result'];
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)));
  const render = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [render(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...lines.map(render)].join('\n');
}
