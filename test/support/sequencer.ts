import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The suites that start a browser, then those that start servers or databases, then the rest. */
export function weight(moduleId: string): number {
  if (/[\\/]test[\\/]e2e[\\/]/.test(moduleId)) return 0;
  if (/[\\/]test[\\/]/.test(moduleId)) return 1;
  return 2;
}

/**
 * vitest orders files by their last durations, and knows none on a fresh clone (CI): it then runs the largest files
 * first, and a long browser suite that happens to be short in lines starts late and runs alone at the end while the
 * other worker idles. Without durations, the slow kinds go first (longest first is what keeps two workers busy to the
 * end); with them, vitest's own order.
 */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const known = files.some((f) => this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`));
    if (known) return sorted;
    return sorted.map((f, i) => ({ f, i, w: weight(f.moduleId) })).sort((a, b) => a.w - b.w || a.i - b.i).map((x) => x.f);
  }
}

