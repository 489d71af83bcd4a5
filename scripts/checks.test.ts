import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatResult, runChains, testPlan, type StepResult } from './checks.js';

const node = (name: string, code: string) => ({ name, argv: [process.execPath, '-e', code] });

describe('npm test checks side by side', () => {
  it('runs the chains side by side and a chain in order, each step’s output kept whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antq-checks-'));
    try {
      // Each of the two chains' first steps waits for the other's mark: run one after the other, neither could end.
      const meet = (me: string, other: string) =>
        `require("fs").writeFileSync(${JSON.stringify(join(dir, me))}, ""); const t = Date.now(); ` +
        `const i = setInterval(() => { if (require("fs").existsSync(${JSON.stringify(join(dir, other))})) { clearInterval(i); console.log("${me}"); console.error("${me} err"); } ` +
        `else if (Date.now() - t > 20000) process.exit(9); }, 20);`;
      const seen: StepResult[] = [];
      const ok = await runChains(
        [[node('first', meet('a', 'b')), node('second', `process.exit(require("fs").existsSync(${JSON.stringify(join(dir, 'a'))}) ? 0 : 5)`)], [node('other', meet('b', 'a'))]],
        (r) => seen.push(r),
      );
      expect(ok).toBe(true);
      const by = Object.fromEntries(seen.map((r) => [r.name, r]));
      expect(Object.keys(by).sort()).toEqual(['first', 'other', 'second']);
      expect(seen.findIndex((r) => r.name === 'first')).toBeLessThan(seen.findIndex((r) => r.name === 'second'));
      expect([by.first.code, by.second.code, by.other.code]).toEqual([0, 0, 0]);
      // Two pipes: which of stdout and stderr is read first is up to the system.
      expect(by.first.output.split('\n').sort()).toEqual(['', 'a', 'a err']);
      expect(formatResult(by.other)).toMatch(/^== other: ok, \d+\.\d s\n(b\nb err|b err\nb)\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails when any step fails, skips the rest of its chain and still runs the other chains', async () => {
    const seen: StepResult[] = [];
    const ok = await runChains([[node('broken', 'console.error("bad"); process.exit(3)'), node('after', '')], [node('other', 'console.log("fine")')]], (r) => seen.push(r));
    expect(ok).toBe(false);
    const by = Object.fromEntries(seen.map((r) => [r.name, r]));
    expect(by.broken.code).toBe(3);
    expect(formatResult(by.broken)).toMatch(/^== broken: FAILED \(exit 3\), [\d.]+ s\nbad\n$/);
    expect(by.after.code).toBeNull();
    expect(formatResult(by.after)).toBe('== after: not run (an earlier step failed)\n');
    expect(by.other.code).toBe(0);
  });

  it('fails when a program cannot be started', async () => {
    const seen: StepResult[] = [];
    expect(await runChains([[{ name: 'missing', argv: ['/nonexistent/program'] }]], (r) => seen.push(r))).toBe(false);
    expect(seen[0].code).not.toBe(0);
    expect(seen[0].output).toContain('ENOENT');
  });

  it('keeps nothing of a live step: its output went to the terminal', async () => {
    const seen: StepResult[] = [];
    expect(await runChains([[{ ...node('live', 'process.exit(0)'), live: true }]], (r) => seen.push(r))).toBe(true);
    expect(seen).toMatchObject([{ name: 'live', code: 0, output: '' }]);
  });

  it('runs every check npm test always ran, vitest after the data and the build, with its arguments', () => {
    const plan = testPlan(['server/routes']);
    expect(plan.map((c) => c.map((s) => s.name))).toEqual([['data', 'build', 'vitest'], ['typecheck'], ['lint'], ['knip']]);
    expect(plan[0][2]).toMatchObject({ argv: ['vitest', 'run', 'server/routes'], live: true });
    expect(plan[1][0].argv.slice(1)).toEqual(['run', '--silent', 'typecheck']);
    expect(plan.map((c) => c.map((s) => s.background ?? false))).toEqual([[false, false, false], [true], [true], [true]]);
  });

  it('runs a background step at a lower CPU priority', async () => {
    const seen: StepResult[] = [];
    const niceness = 'console.log(require("os").getPriority())';
    expect(await runChains([[{ ...node('bg', niceness), background: true }], [node('fg', niceness)]], (r) => seen.push(r))).toBe(true);
    const by = Object.fromEntries(seen.map((r) => [r.name, Number(r.output)]));
    expect(by.bg).toBeGreaterThan(by.fg);
  });
});
