// npm run cluster -- [--workers N] [--port P] [--dir var/cluster]
// Starts PostgreSQL (its own data directory under var/, initdb on first start), N app processes on it and
// nginx in front on 127.0.0.1:P; seeds the sample data into an empty database. Ctrl-C stops everything.

import { resolve } from 'node:path';
import { ROOT } from '../server/config.js';
import { startCluster } from './cluster/cluster.js';

const USAGE = 'usage: npm run cluster -- [--workers N] [--port P] [--dir DIR]';

function option(argv: string[], name: string, fallback: string): string {
  const k = argv.indexOf(name);
  if (k < 0) return fallback;
  const v = argv[k + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value\n${USAGE}`);
  return v;
}

async function main(argv: string[]) {
  const workers = Number(option(argv, '--workers', '2'));
  const port = Number(option(argv, '--port', '8080'));
  if (!Number.isInteger(workers) || workers < 1 || workers > 32) throw new Error(`--workers must be 1–32\n${USAGE}`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number\n${USAGE}`);
  const cluster = await startCluster({ workers, port, dir: resolve(ROOT, option(argv, '--dir', 'var/cluster')) });
  console.log(`\nBản đồ phong trào Toàn dân bảo vệ ANTQ (cụm ${workers} tiến trình): ${cluster.url}/\nCtrl-C để dừng.`);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log('\ncluster: stopping nginx, the app processes and PostgreSQL…');
      void cluster.stop().then(() => process.exit(0));
    });
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`cluster: ${(e as Error).message}`);
  process.exit(1);
});
