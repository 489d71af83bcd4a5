import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requireSession, type AuthEnv } from '../auth/session.js';
import { VINTAGES, type Vintage } from '../../shared/domain/types.js';
import { parseChoices } from '../import/choices.js';
import { templateCsv, templateXlsx } from '../import/template.js';
import { badRequest, conflict, forbidden, notFound } from '../services/errors.js';
import { ImportRejected, scopeOf, vintageOfYear, type ImportService } from '../services/imports.js';
import { LedgerError } from '../store/errors.js';
import type { AdminBackend } from '../store/admin.js';
import { parseYear } from './params.js';

export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const mb = (n: number) => `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

function provinceParam(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (!/^\d{2}$/.test(raw)) throw badRequest(`province phải là mã tỉnh 2 chữ số, nhận được "${raw}"`, 'province');
  return raw;
}

/** The file's name as the client sent it, made safe to show and store. */
function fileNameParam(raw: string | undefined): string {
  const n = (raw ?? '').replace(/[\p{Cc}\\/]/gu, '').trim().slice(0, 200);
  return n || 'tệp tải lên';
}

/**
 * GET  /api/imports/template?year=Y[&province=P][&format=xlsx|csv]   (public: codes and names only)
 * POST /api/imports/check?year=Y[&province=P][&name=F][&provinceVintage=pre2025][&choices=JSON]   body: the file; dry run, writes nothing
 * POST /api/imports?…same…[&skipInvalid=1]                  commit
 *   choices: { mapping: { "E": "rdCertified", "F": "ignore" }, answers: { "status:d": "dat" }, sheet: "Biểu 1" }
 *   provinceVintage=pre2025: the province is an old code (otherwise a 2025 code for an old year means its old provinces)
 * GET  /api/imports                                         the import history
 * POST /api/imports/:id/rollback
 */
export function importRoutes(svc: ImportService, admin: AdminBackend, maxBytes = DEFAULT_MAX_UPLOAD_BYTES) {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      c.json({ error: { status: 413, message: `Tệp quá lớn: giới hạn ${mb(maxBytes)}. Hãy chia tệp theo tỉnh hoặc bỏ các cột, trang tính không cần thiết.`, field: 'file' } }, 413),
  });

  /** Who may write what this request names: editors their province only (403 before the file is read). */
  const upload = async (c: Context<AuthEnv>) => {
    const session = requireSession(c, ['admin', 'editor'], true);
    const year = parseYear(c.req.query('year'));
    const scope = scopeOf(session.user);
    const requested = provinceParam(c.req.query('province'));
    // An editor's 2025 imports default to their province.
    const provinceCode = requested ?? (scope.province !== null && vintageOfYear(year) === '2025' ? scope.province : null);
    const pv = c.req.query('provinceVintage') as Vintage | undefined;
    if (pv !== undefined && !VINTAGES.includes(pv)) throw badRequest(`provinceVintage phải là 2025 hoặc pre2025, nhận được "${pv}"`, 'provinceVintage');
    await svc.assertProvinceInScope(year, provinceCode, scope, pv);
    const rawChoices = c.req.query('choices');
    const choices = rawChoices ? parseChoices(rawChoices) : ({ ok: true, value: {} } as const);
    if (!choices.ok) throw badRequest(choices.message, 'choices');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw badRequest('Chưa chọn tệp, hoặc tệp rỗng', 'file');
    return { session, scope, req: { fileName: fileNameParam(c.req.query('name')), bytes, year, provinceCode, provinceVintage: pv, choices: choices.value } };
  };

  return new Hono<AuthEnv>()
    .get('/template', async (c) => {
      const year = parseYear(c.req.query('year'));
      const format = c.req.query('format') ?? 'xlsx';
      if (format !== 'xlsx' && format !== 'csv') throw badRequest(`format phải là xlsx hoặc csv, nhận được "${format}"`, 'format');
      const { vintage, units, province } = await svc.templateUnits(year, provinceParam(c.req.query('province')));
      const spec = { year, units, title: `Số liệu năm ${year}, ${province} (${vintage === '2025' ? 'địa giới từ 01/7/2025' : 'địa giới trước 01/7/2025'})` };
      const file = `mau-so-lieu-antt-${year}-${c.req.query('province') || 'toan-quoc'}.${format}`;
      c.header('Content-Disposition', `attachment; filename="${file}"`);
      c.header('Cache-Control', 'no-cache');
      if (format === 'csv') {
        c.header('Content-Type', 'text/csv; charset=utf-8');
        return c.body(templateCsv(spec));
      }
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return c.body(new Uint8Array(await templateXlsx(spec)));
    })
    .post('/check', limit, async (c) => {
      const { scope, req } = await upload(c);
      return c.json(await svc.check(req, scope));
    })
    .post('/', limit, async (c) => {
      const { session, scope, req } = await upload(c);
      const skip = c.req.query('skipInvalid') === '1';
      try {
        const out = await svc.commit(req, scope, session.user.name, skip, (rows) => console.log(`import: committing ${rows} rows of ${req.fileName} (${req.year}) for ${session.user.name}`));
        return c.json(out);
      } catch (e) {
        if (e instanceof ImportRejected) return c.json({ error: { status: 422, message: e.message, field: 'file' }, report: e.report }, 422);
        throw e;
      }
    })
    .get('/', async (c) => {
      requireSession(c, ['admin', 'editor', 'viewer'], false);
      c.header('Cache-Control', 'no-store');
      return c.json({ imports: await admin.ledger.imports() });
    })
    .post('/:id/rollback', async (c) => {
      const session = requireSession(c, ['admin', 'editor'], true);
      const id = Number(c.req.param('id'));
      if (!Number.isInteger(id) || id <= 0) throw badRequest(`Mã lần nhập không hợp lệ: "${c.req.param('id')}"`, 'id');
      const rec = (await admin.ledger.imports()).find((r) => r.batchId === id);
      if (!rec) throw notFound(`Không có lần nhập #${id}`, 'id');
      const scope = scopeOf(session.user);
      if (scope.province !== null) {
        if (rec.provinceCode === null) throw forbidden(`Lần nhập #${id} không theo tỉnh: chỉ quản trị viên được hoàn tác`);
        await svc.assertProvinceInScope(rec.year, rec.provinceCode, scope);
      }
      try {
        return c.json(await admin.ledger.rollbackImport(id, session.user.name));
      } catch (e) {
        if (e instanceof LedgerError) throw conflict(e.message);
        throw e;
      }
    });
}
