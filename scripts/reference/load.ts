// Reads the source dir (paths().sourceDir, i.e. ../shared/data) and builds the Reference.

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildReference, SOURCE_FILES, type BuiltReference, type SourceKey, type SourceTexts } from './build.js';

export class SourceFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'SourceFileError';
  }
}

/** Reads the source files as UTF-8 text; a missing or unreadable file fails with its path. */
export function readSourceTexts(sourceDir: string): SourceTexts {
  let dirOk: boolean;
  try {
    dirOk = statSync(sourceDir).isDirectory();
  } catch {
    dirOk = false;
  }
  if (!dirOk) throw new SourceFileError(sourceDir, `source dir ${sourceDir} does not exist (set ANTQ_SOURCE_DIR)`);
  const texts = {} as SourceTexts;
  for (const key of Object.keys(SOURCE_FILES) as SourceKey[]) {
    const path = join(sourceDir, SOURCE_FILES[key]);
    try {
      texts[key] = readFileSync(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new SourceFileError(
        SOURCE_FILES[key],
        code === 'ENOENT' ? `missing source file ${path}` : `cannot read ${path}: ${(e as Error).message}`,
      );
    }
  }
  return texts;
}

/** Loads units of both vintages and the crosswalk. Throws SourceFileError / CsvError naming file and line. */
export function loadReference(sourceDir: string): BuiltReference {
  return buildReference(readSourceTexts(sourceDir));
}
