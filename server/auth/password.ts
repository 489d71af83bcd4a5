// Password hashes with node:crypto scrypt: "scrypt$N$r$p$salt$hash" (base64url), so the cost can be
// raised later without breaking stored hashes.

import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { isCommonPassword } from './commonPasswords.js';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MIN_PASSWORD_LENGTH = 10;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  const expected = Buffer.from(parts[5], 'base64url');
  const key = await derive(password, Buffer.from(parts[4], 'base64url'), n, r, p);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummy: Promise<string> | null = null;
/** A hash of a random password with today's cost, made once: what an unknown account is checked against. */
export const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('base64url')));

/**
 * Checks a log-in's password against the account's hash, or against the dummy hash when there is no
 * such account (or it is disabled): both take one scrypt, so the answer's time does not tell which names exist.
 */
export async function verifyLogin(password: string, stored: string | undefined): Promise<boolean> {
  if (stored === undefined) {
    await verifyPassword(password, await dummyHash());
    return false;
  }
  return verifyPassword(password, stored);
}

/** Why a new password is refused, or null. Length in characters as a person counts them (code points, NFC). */
export function passwordProblem(password: string, accountName?: string): string | null {
  const chars = [...password.normalize('NFC')];
  if (chars.length < MIN_PASSWORD_LENGTH) return `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`;
  if (password.trim() !== password) return 'Mật khẩu không được bắt đầu hay kết thúc bằng khoảng trắng';
  if (isCommonPassword(password)) return 'Mật khẩu này quá phổ biến (có trong danh sách mật khẩu hay bị dò): hãy chọn mật khẩu khác';
  if (new Set(chars).size < 4) return 'Mật khẩu cần ít nhất 4 ký tự khác nhau';
  const name = accountName?.trim().toLowerCase();
  if (name && name.length >= 3 && password.toLowerCase().includes(name)) return 'Mật khẩu không được chứa tên đăng nhập';
  return null;
}
