import type { User } from './adminApi.js';

/** A stored ISO time as the user reads it (Vietnamese, local time). */
export const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'medium' }) : '');
export const num = (x: number) => x.toLocaleString('vi-VN');

const ROLE_LABELS: Record<User['role'], string> = { admin: 'Quản trị viên', editor: 'Biên tập viên', viewer: 'Người xem' };

export function roleLabel(u: Pick<User, 'role' | 'provinceCode'>): string {
  return u.role === 'editor' ? `${ROLE_LABELS.editor} (tỉnh ${u.provinceCode})` : ROLE_LABELS[u.role];
}
