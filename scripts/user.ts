// npm run user -- add NAME --role admin|editor|viewer [--province P]   (password from ANTQ_PASSWORD or stdin)
// npm run user -- passwd NAME | disable NAME | enable NAME | list
// Accounts live in the database (ANTQ_DATABASE_URL, else the SQLite file at ANTQ_DB). There is no built-in account: create the first admin here.

import { userInfo } from 'node:os';
import { hashPassword, passwordProblem } from '../server/auth/password.js';
import { ROLES, type Role } from '../server/store/admin.js';
import { LedgerError } from '../server/store/errors.js';
import { openStore } from '../server/store/open.js';

const USAGE = `usage:
  npm run user -- add NAME --role admin|editor|viewer [--province P]
  npm run user -- passwd NAME
  npm run user -- disable NAME | enable NAME
  npm run user -- list
The password is read from the environment variable ANTQ_PASSWORD, else from the first line of standard input.`;

export class UsageError extends Error {}

async function readPassword(env: NodeJS.ProcessEnv, stdin: NodeJS.ReadableStream): Promise<string> {
  if (env.ANTQ_PASSWORD) return env.ANTQ_PASSWORD;
  if ((stdin as NodeJS.ReadStream).isTTY) process.stderr.write('Mật khẩu (ít nhất 10 ký tự), rồi Enter: ');
  let text = '';
  for await (const chunk of stdin) {
    text += chunk.toString();
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0];
}

export async function userCli(argv: string[], opts: { env?: NodeJS.ProcessEnv; stdin?: NodeJS.ReadableStream; log?: (s: string) => void } = {}) {
  const env = opts.env ?? process.env;
  const log = opts.log ?? console.log;
  const [cmd, name, ...rest] = argv;
  const flag = (f: string) => {
    const k = rest.indexOf(f);
    return k >= 0 ? rest[k + 1] : undefined;
  };
  const { store, admin } = await openStore(env);
  const actor = `cli:${userInfo().username}`;
  try {
    if (cmd === 'list') {
      for (const u of await admin.users.users()) log(`${u.name}\t${u.role}${u.provinceCode ? ` ${u.provinceCode}` : ''}${u.disabled ? '\t(khóa)' : ''}`);
      return;
    }
    if (!name) throw new UsageError(USAGE);
    if (cmd === 'add') {
      const role = flag('--role') as Role | undefined;
      if (!role || !ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}\n${USAGE}`);
      const province = flag('--province') ?? null;
      if (role === 'editor') {
        const p = province && (await store.unit('2025', province));
        if (!p || p.level !== 'province') throw new UsageError('an editor needs --province P, a 2025 province code (2 digits); is the database seeded?');
      } else if (province) throw new UsageError('--province is for editors only');
      const password = await readPassword(env, opts.stdin ?? process.stdin);
      const weak = passwordProblem(password, name);
      if (weak) throw new UsageError(weak);
      const u = await admin.users.addUser({ name, role, provinceCode: province, passwordHash: await hashPassword(password) }, actor);
      log(`user: created ${u.name} (${u.role}${u.provinceCode ? `, province ${u.provinceCode}` : ''})`);
    } else if (cmd === 'passwd') {
      const password = await readPassword(env, opts.stdin ?? process.stdin);
      const weak = passwordProblem(password, name);
      if (weak) throw new UsageError(weak);
      await admin.users.updateUser(name, { passwordHash: await hashPassword(password) }, actor);
      log(`user: password of ${name} changed`);
    } else if (cmd === 'disable' || cmd === 'enable') {
      await admin.users.updateUser(name, { disabled: cmd === 'disable' }, actor);
      log(`user: ${name} ${cmd}d`);
    } else throw new UsageError(USAGE);
  } finally {
    await store.close();
  }
}

const isMain = process.argv[1]?.endsWith('scripts/user.ts');
if (isMain) {
  userCli(process.argv.slice(2)).catch((e: unknown) => {
    const known = e instanceof UsageError || e instanceof LedgerError;
    console.error(`user: ${known ? e.message : ((e as Error).stack ?? String(e))}`);
    process.exit(1);
  });
}
