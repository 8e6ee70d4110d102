import Papa from 'papaparse';

/*
 * Reading a CSV file the way reps actually have them: French Excel saves `;`-separated
 * Windows-1252 (or UTF-8 with a BOM), CRMs export `,`-separated UTF-8, and "Unicode text"
 * is UTF-16 with tabs. Pure functions: bytes in, rows with their true line numbers out.
 */

export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export type DecodedCsv = { text: string; encoding: CsvEncoding };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * The file's text. UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else
 * Windows-1252: a Latin-1 file is almost never valid UTF-8 once it holds an accent, and
 * Windows-1252 is what French Excel writes. UTF-16 is only recognised by its BOM.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    // ignoreBOM: the BOM is already gone; a second one would be content, not a marker.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}

export type CsvRow = {
  /** 1-based physical line of the row's start in the file, as an editor shows it. */
  line: number;
  cells: string[];
};

export type CsvProblem = {
  line: number;
  /** papaparse's code, e.g. 'MissingQuotes'. */
  code: string;
  message: string;
};

export type ParsedCsv = {
  /** The first non-empty row, trimmed; trailing blank header cells dropped. */
  headers: string[];
  /** Data rows (blank ones skipped), cells as written (not trimmed). */
  rows: CsvRow[];
  delimiter: string;
  /** Malformed quoting and the like: the rows are still returned as papaparse read them. */
  problems: CsvProblem[];
};

const DELIMITERS = [';', ',', '\t'];

/*
 * Excel's own hint, written before the header by exports meant to open in any locale:
 * `sep=;` says which delimiter the file uses. Not a header, and worth more than a guess.
 */
// A spreadsheet re-saving the file may quote it (`"sep=,"`) and pad it with empty cells (`sep=;;;`).
const SEPARATOR_LINE = /^("?)sep=([^\n"])\1(?:\2|[ \t])*(?:\n|$)/i;

function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function countLineBreaks(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let index = cell.indexOf('\n'); index !== -1; index = cell.indexOf('\n', index + 1)) count++;
  }
  return count;
}

/**
 * Rows of a CSV text. The delimiter is guessed among `;`, `,` and tab from the first rows.
 * Never throws: whatever the input, the result is some rows (possibly none) and problems.
 */
export function parseCsv(text: string): ParsedCsv {
  // One line ending everywhere, so that a row's physical extent is 1 + the line breaks
  // inside its quoted cells: line numbers then need no help from the parser.
  const unmarked = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  const declared = SEPARATOR_LINE.exec(unmarked);
  // The `sep=` line becomes a blank line: skipped like any other, it keeps the line numbers true.
  const normalized = declared ? `\n${unmarked.slice(declared[0].length)}` : unmarked;
  const result = Papa.parse<string[]>(normalized, {
    delimiter: declared?.[2] ?? guessDelimiter(normalized),
    newline: '\n',
    // Kept so that every physical line is accounted for; blank rows are dropped below.
    skipEmptyLines: false,
    header: false,
    dynamicTyping: false,
  });

  const lineOfRecord: number[] = [];
  let nextLine = 1;
  let headers: string[] | null = null;
  const rows: CsvRow[] = [];
  for (const cells of result.data) {
    const line = nextLine;
    lineOfRecord.push(line);
    nextLine += 1 + countLineBreaks(cells);
    if (isBlankRow(cells)) continue;
    if (headers === null) headers = headerCells(cells);
    else rows.push({ line, cells });
  }

  const problems: CsvProblem[] = [];
  for (const error of result.errors) {
    // A one-column file has no delimiter to find: that is not a problem with the data.
    if (error.code === 'UndetectableDelimiter') continue;
    const line = error.row === undefined ? 1 : (lineOfRecord[error.row] ?? nextLine);
    problems.push({ line, code: error.code, message: `line ${line}: ${error.message}` });
  }

  return { headers: headers ?? [], rows, delimiter: result.meta.delimiter, problems };
}

/**
 * The delimiter that splits the first rows most consistently. Guessed on a preview without
 * blank rows: papaparse's guess counts an empty line as a one-column row, so a blank line
 * (or Excel's ";;;;" row) would make a `;` file look inconsistent.
 */
function guessDelimiter(text: string): string {
  const preview = Papa.parse<string[]>(text, { delimitersToGuess: DELIMITERS, newline: '\n', skipEmptyLines: 'greedy', preview: 10 });
  return preview.meta.delimiter || ',';
}

function headerCells(cells: readonly string[]): string[] {
  const headers = cells.map((cell) => cell.trim());
  // Excel keeps the separators of columns once used and now empty: "Nom;E-mail;;;".
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  return headers;
}
