/**
 * npm test: the boundary layers, the client build and then vitest (the tests need both), with the typecheck, the
 * lint and knip beside them. These share nothing, and on two cores the checks' 2–3 minutes of CPU fit beside the
 * build and the tests instead of before them; at a lower priority, so that they never slow the critical path. vitest prints as it goes; every other step's output is
 * printed whole when the step ends, so that parallel steps never interleave. Any failure fails the run, after
 * the other steps have finished, so that one run shows every failure. Arguments go to vitest
 * (`npm test -- server/routes`).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface Step {
  name: string;
  /** The program and its arguments. */
  argv: readonly string[];
  /** Output straight to the terminal as it comes (the one long step), not kept until the step ends. */
  live?: boolean;
  /** Off the critical path: at a lower CPU priority, so that it takes the cores the tests leave idle. */
  background?: boolean;
}

/** The chains run side by side, the steps of a chain one after another (a later step needs the earlier's output). */
export function testPlan(vitestArgs: readonly string[] = []): Step[][] {
  const npm = (name: string): Step => ({ name, argv: [process.platform === 'win32' ? 'npm.cmd' : 'npm', 'run', '--silent', name] });
  const check = (name: string): Step => ({ ...npm(name), background: true });
  return [[npm('data'), npm('build'), { name: 'vitest', argv: ['vitest', 'run', ...vitestArgs], live: true }], [check('typecheck')], [check('lint')], [check('knip')]];
}

export interface StepResult {
  name: string;
  /** The exit code; null when the step was not run because an earlier step of its chain failed. */
  code: number | null;
  seconds: number;
  /** stdout and stderr as they came ('' for a live step: they went to the terminal). */
  output: string;
}

const NICE = ['/usr/bin/nice', '/bin/nice'].find((p) => existsSync(p));

function runStep(step: Step): Promise<StepResult> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    // nice(1) where there is one (Linux, macOS): the data, the build and the tests are the run's critical path.
    const argv = step.background && NICE ? [NICE, '-n', '10', ...step.argv] : step.argv;
    const child = spawn(argv[0], argv.slice(1), { stdio: step.live ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => chunks.push(d));
    child.stderr?.on('data', (d: Buffer) => chunks.push(d));
    const done = (code: number, extra = '') =>
      resolve({ name: step.name, code, seconds: (performance.now() - t0) / 1000, output: Buffer.concat(chunks).toString() + extra });
    child.on('error', (e) => done(127, `${e.message}\n`));
    child.on('close', (code, signal) => done(code ?? 1, signal ? `killed by ${signal}\n` : ''));
  });
}

/** Runs the chains side by side; `report` hears of each step as it ends (or is skipped). True when all passed. */
export async function runChains(chains: readonly (readonly Step[])[], report: (r: StepResult) => void): Promise<boolean> {
  const results = await Promise.all(
    chains.map(async (chain) => {
      let failed = false;
      for (const step of chain) {
        if (failed) {
          report({ name: step.name, code: null, seconds: 0, output: '' });
          continue;
        }
        const r = await runStep(step);
        report(r);
        failed = r.code !== 0;
      }
      return !failed;
    }),
  );
  return results.every(Boolean);
}

/** One step's block of output: a header with its outcome and time, then what it printed. */
export function formatResult(r: StepResult): string {
  const outcome = r.code === null ? 'not run (an earlier step failed)' : r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`;
  const head = `== ${r.name}: ${outcome}${r.code === null ? '' : `, ${r.seconds.toFixed(1)} s`}`;
  const body = r.output.trimEnd();
  return body ? `${head}\n${body}\n` : `${head}\n`;
}

async function main(): Promise<number> {
  const plan = testPlan(process.argv.slice(2));
  console.log(`== npm test, side by side: ${plan.map((c) => c.map((s) => s.name).join(' → ')).join(' | ')}`);
  const times: string[] = [];
  const failed: string[] = [];
  const ok = await runChains(plan, (r) => {
    process.stdout.write(formatResult(r));
    if (r.code !== null) times.push(`${r.name} ${r.seconds.toFixed(0)} s`);
    if (r.code !== 0) failed.push(r.name);
  });
  console.log(ok ? `== npm test passed (${times.join(', ')})` : `== npm test FAILED: ${failed.join(', ')} (${times.join(', ')})`);
  return ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(await main());
