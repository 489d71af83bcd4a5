// The pipeline's inputs: present, hashed, checked against data/sources.json (warnings only), and the hash that says
// whether the outputs are up to date (inputs, settings, the pipeline's own code and mapshaper's version).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputsHash, sha256, sha256File } from './manifest.js';
import { INPUTS, PIPELINE_VERSION, type Settings } from './settings.js';
import { compareSources, describeSourcesDiff, fileFacts, type SourcesManifest } from './sources-manifest.js';

const PIPELINE_DIR = dirname(fileURLToPath(import.meta.url));

/** Hash of the pipeline's own code (non-test modules) and of mapshaper's version. */
function codeHash(): string {
  const files = readdirSync(PIPELINE_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  const parts = files.map((f) => `${f}:${sha256(readFileSync(join(PIPELINE_DIR, f)))}`);
  return sha256(`${parts.join('\n')}\nmapshaper:${mapshaperVersion()}`);
}

function mapshaperVersion(): string {
  try {
    const pkg = join(PIPELINE_DIR, '../../node_modules/mapshaper/package.json');
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** The inputs' hashes and the build's hash; `warnings`: how the source dir differs from `sourcesManifest` (null: not checked). */
export function hashInputs(sourceDir: string, sourcesManifest: string | null | undefined, s: Settings): { hash: string; inputHashes: Record<string, string>; warnings: string[] } {
  const warnings: string[] = [];
  for (const rel of Object.values(INPUTS)) {
    if (!existsSync(join(sourceDir, rel))) throw new Error(`Missing input ${join(sourceDir, rel)} (set ANTQ_SOURCE_DIR to the shared/data folder)`);
  }
  const inputHashes: Record<string, string> = {};
  if (sourcesManifest) {
    const facts = fileFacts(sourceDir);
    for (const f of facts) if ((Object.values(INPUTS) as string[]).includes(f.path)) inputHashes[f.path] = f.sha256;
    if (existsSync(sourcesManifest)) {
      const expected = JSON.parse(readFileSync(sourcesManifest, 'utf8')) as SourcesManifest;
      warnings.push(...describeSourcesDiff(compareSources(expected, facts), sourceDir, sourcesManifest));
    } else {
      warnings.push(`WARNING: ${sourcesManifest} not found; source files not checked`);
    }
  }
  for (const rel of Object.values(INPUTS)) inputHashes[rel] ??= sha256File(join(sourceDir, rel));
  return { hash: inputsHash({ inputs: inputHashes, settings: s, version: PIPELINE_VERSION, code: codeHash() }), inputHashes, warnings };
}
