import { Hono } from 'hono';
import { NO_DATA_LABEL, STATUS_LABELS } from '../../shared/domain/labels.js';
import { STATUSES, VINTAGES, type Vintage } from '../../shared/domain/types.js';
import { SAMPLE_LABEL, type StatsService } from '../services/stats.js';
import type { Store } from '../store/store.js';

const VINTAGE_LABELS: Record<Vintage, string> = {
  '2025': 'Địa giới từ 01/7/2025 (34 tỉnh, thành phố; không còn cấp huyện)',
  pre2025: 'Địa giới đến 30/6/2025 (63 tỉnh, thành phố; cấp huyện)',
};

/** What the figures can be shown as; the map and the exports read the list from here. */
const METRICS = [
  { id: 'status', label: 'Tình trạng công nhận "An toàn về ANTT"', kind: 'categorical' },
  { id: 'communeRate', label: 'Tỷ lệ xã, phường đạt chuẩn', kind: 'rate' },
  { id: 'residentialRate', label: 'Tỷ lệ khu dân cư đạt chuẩn', kind: 'rate' },
  { id: 'models', label: 'Số mô hình tự quản', kind: 'count' },
] as const;

export function metaRoutes(svc: StatsService, store: Store) {
  return new Hono().get('/', async (c) => {
    // Read before the figures: a write in between leaves the page a version behind what it holds (one reload too
    // many), never a version ahead of it (stale figures taken for current).
    const version = await store.version();
    const db = await store.identity();
    const batches = [...(await svc.batches()).values()];
    const sample = batches.some((b) => b.origin === 'sample');
    const vintages = await Promise.all(
      VINTAGES.map(async (id) => ({
        id,
        label: VINTAGE_LABELS[id],
        years: await svc.years(id),
        levels: id === '2025' ? ['province', 'commune'] : ['province', 'district', 'commune'],
      })),
    );
    const provinces = [...(await svc.units('2025')).values()]
      .filter((u) => u.level === 'province')
      .map((u) => ({ code: u.code, name: u.name, fullName: u.fullName }));
    c.header('Cache-Control', 'no-cache');
    return c.json({
      sample,
      /** The store's data version these answers are of; GET /api/version says when it moves on. */
      version,
      /** The database's identity: with `version`, which data these are (shared/domain/dataVersion.ts). */
      db,
      dataLabel: sample ? SAMPLE_LABEL : null,
      dataAsOf: batches.reduce<string | null>((m, b) => (m === null || b.createdAt > m ? b.createdAt : m), null),
      vintages,
      metrics: METRICS,
      statuses: STATUSES.map((id) => ({ id, label: STATUS_LABELS[id] })),
      noDataLabel: NO_DATA_LABEL,
      provinces,
      batches: batches.map(({ id, origin, source, createdAt, note }) => ({ id, origin, source, createdAt, note })),
    });
  });
}
