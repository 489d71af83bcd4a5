import autocannon from 'autocannon';
import { processCpuSeconds } from './procCpu.js';
import type { Load } from './targets.js';

/** As a browser asks: compressed answers welcome. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

/** One bounded load run (duration in seconds) on one or more paths of base, cycled per connection. */
export async function load(base: string, paths: string[], connections: number, seconds: number): Promise<Load> {
  const r = await autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 10,
    headers: BROWSER_HEADERS,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return {
    connections,
    seconds,
    requests: r.requests.total,
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

/** Rounds of one side as one figure: throughput over all of them, the median round's latencies, every failure. */
export function combine(runs: Load[]): Load {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  return {
    connections: runs[0].connections,
    seconds,
    requests,
    rps: requests / seconds,
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    ...(runs.every((r) => r.cpu) ? { cpu: { server: perRequest(runs, 'server'), client: perRequest(runs, 'client') } } : {}),
  };
}

/** CPU per request over runs: their CPU time over their requests. */
const perRequest = (runs: Load[], side: 'server' | 'client') => runs.reduce((t, r) => t + r.cpu![side] * r.requests, 0) / runs.reduce((n, r) => n + r.requests, 0);

/** `load`, with the CPU time per request of the server (process `pid`) and of this process (the load generator). */
export async function measuredLoad(base: string, paths: string[], connections: number, seconds: number, pid: number): Promise<Load> {
  const [server, client] = [processCpuSeconds(pid), process.cpuUsage()];
  const r = await load(base, paths, connections, seconds);
  const c = process.cpuUsage(client);
  const n = Math.max(1, r.requests);
  return { ...r, cpu: { server: ((processCpuSeconds(pid) - server) * 1e6) / n, client: (c.user + c.system) / n } };
}
