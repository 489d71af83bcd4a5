import type { Status } from './types.js';

/** Vietnamese labels shared by the API, the map and the exports. */
export const STATUS_LABELS: Record<Status, string> = {
  dat: 'Đạt',
  chua_dat: 'Chưa đạt',
  chua_danh_gia: 'Chưa đánh giá',
};
export const NO_DATA_LABEL = 'Không có số liệu';
/** A figure the commune's return did not report: unknown, never shown as 0. */
export const NOT_REPORTED = 'chưa báo cáo';
