import { Hono, type Context } from 'hono';
import { toCsv } from '../../shared/domain/exportCsv.js';
import { targetTable, worklistTable } from '../../shared/domain/exportLists.js';
import type { ExportTable } from '../../shared/domain/exportTable.js';
import { xlsxBytes } from '../../shared/domain/exportXlsx.js';
import type { StatsService } from '../services/stats.js';
import { provinceNames, target, worklist } from '../services/worklist.js';
import type { WorklistCriteria } from '../../shared/domain/worklist.js';
import { valid } from '../http/validate.js';
import { targetParams, worklistParams, type TargetQuery } from './worklistParams.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function download(c: Context, table: ExportTable, format: 'xlsx' | 'csv', name: string) {
  c.header('Content-Disposition', `attachment; filename="${name}.${format}"`);
  c.header('Cache-Control', 'no-store');
  if (format === 'csv') {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    return c.body(toCsv(table));
  }
  c.header('Content-Type', XLSX_TYPE);
  return c.body(new Uint8Array(await xlsxBytes(table)));
}

const context = (body: { dataLabel: string | null; note: string | null }) => ({ dataLabel: body.dataLabel, note: body.note, exportedAt: new Date() });

/**
 * The planners' worklist and target setting, as JSON and as downloads:
 * GET /api/worklist[.xlsx|.csv]?year=Y[&since&province&type&status&density&require&match&minScore&cell&cert]
 * GET /api/targets[.xlsx|.csv]?province=P&year=Y&target=X
 */
export function worklistRoutes(svc: StatsService) {
  const worklistQuery = valid('query', worklistParams);
  const targetQuery = valid('query', targetParams);
  const exportWorklist = async (c: Context, k: WorklistCriteria, format: 'xlsx' | 'csv') => {
    const body = await worklist(svc, k);
    const scope = k.province ? `-${k.province}` : '';
    return download(c, worklistTable(body, await provinceNames(svc), context(body)), format, `danh-sach-xa-can-tap-trung-${k.year}${scope}`);
  };
  const exportTarget = async (c: Context, q: TargetQuery, format: 'xlsx' | 'csv') => {
    const body = await target(svc, q);
    return download(c, targetTable(body, context(body)), format, `muc-tieu-${q.province}-${q.year}`);
  };
  return new Hono()
    .get('/worklist', worklistQuery, async (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.json(await worklist(svc, c.req.valid('query')));
    })
    .get('/worklist.xlsx', worklistQuery, (c) => exportWorklist(c, c.req.valid('query'), 'xlsx'))
    .get('/worklist.csv', worklistQuery, (c) => exportWorklist(c, c.req.valid('query'), 'csv'))
    .get('/targets', targetQuery, async (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.json(await target(svc, c.req.valid('query')));
    })
    .get('/targets.xlsx', targetQuery, (c) => exportTarget(c, c.req.valid('query'), 'xlsx'))
    .get('/targets.csv', targetQuery, (c) => exportTarget(c, c.req.valid('query'), 'csv'));
}
