// A small RFC 4180 CSV parser: quoted fields may hold commas, quotes ("") and line breaks.
// Accepts LF or CRLF line ends and a leading UTF-8 BOM; the separator is ',' unless told (imports also read ';' and tab). No dependency.

/** A parse or validation failure, naming the file and the line where the record starts (0: the whole file). */
export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(line > 0 ? `${file} line ${line}: ${message}` : `${file}: ${message}`);
    this.name = 'CsvError';
  }
}

export interface CsvRecord {
  /** Physical line (1-based) where the record starts; the header is line 1. */
  line: number;
  fields: string[];
}

/** Splits CSV text into records. Blank lines are skipped. Throws CsvError on malformed quoting. */
export function parseCsv(text: string, file = '<csv>', separator = ','): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  let fields: string[] = [];
  let field = '';
  let recordLine = 1;
  let quotedField = false; // the current field was quoted (so an empty quoted field still counts)

  const endField = () => {
    fields.push(field);
    field = '';
    quotedField = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && field === '' && !quotedField; // an empty line
    endField();
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < n) {
    const c = text[i];
    if (c === '"' && field === '' && !quotedField) {
      // quoted field
      const startLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new CsvError(file, startLine, 'unterminated quoted field');
        const d = text[i];
        if (d === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (d === '\n') line++;
        field += d;
        i++;
      }
      quotedField = true;
      const next = text[i];
      if (i < n && next !== separator && next !== '\n' && next !== '\r') {
        throw new CsvError(file, line, `unexpected character ${JSON.stringify(next)} after a closing quote`);
      }
      continue;
    }
    if (c === separator) {
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (c === '"') {
      if (quotedField) throw new CsvError(file, line, 'unexpected character after a closing quote');
      throw new CsvError(file, line, 'stray quote inside an unquoted field');
    }
    field += c;
    i++;
  }
  if (field !== '' || fields.length > 0 || quotedField) endRecord();
  return records;
}

/** A record read against its header: values by column name, plus the line for error messages. */
export interface Row {
  line: number;
  get(column: string): string;
}

export interface CsvTable {
  file: string;
  columns: string[];
  rows: Row[];
}

/**
 * Parses CSV text with a header row. Checks that the required columns exist and that each record
 * has as many fields as the header.
 */
export function readTable(text: string, file: string, required: readonly string[] = []): CsvTable {
  const records = parseCsv(text, file);
  if (records.length === 0) throw new CsvError(file, 1, 'empty file (no header row)');
  const header = records[0].fields.map((h) => h.trim());
  const index = new Map<string, number>();
  header.forEach((h, k) => {
    if (index.has(h)) throw new CsvError(file, 1, `duplicate column "${h}"`);
    index.set(h, k);
  });
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new CsvError(file, 1, `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`);
  }
  const rows: Row[] = [];
  for (let r = 1; r < records.length; r++) {
    const { line, fields } = records[r];
    if (fields.length !== header.length) {
      throw new CsvError(file, line, `expected ${header.length} fields, found ${fields.length}`);
    }
    rows.push({
      line,
      get(column: string): string {
        const k = index.get(column);
        if (k === undefined) throw new CsvError(file, line, `no column "${column}"`);
        return fields[k];
      },
    });
  }
  return { file, columns: header, rows };
}
