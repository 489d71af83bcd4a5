import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { requireSession, type AuthEnv } from '../auth/session.js';
import type { ImportChoices } from '../../shared/import/choices.js';
import { parseChoices } from '../import/choices.js';
import { templateCsv, templateXlsx } from '../import/template.js';
import { badRequest, conflict, forbidden, notFound } from '../services/errors.js';
import { ImportRejected } from '../services/importReport.js';
import { vintageOfYear, type ImportService } from '../services/imports.js';
import { scopeOf } from '../services/importUnits.js';
import { LedgerError } from '../store/errors.js';
import type { AdminBackend } from '../store/admin.js';
import { valid } from '../http/validate.js';
import { matching, oneOf, provinceParam, yearParam } from './params.js';

export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const mb = (n: number) => `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

/** The file's name as the client sent it, made safe to show and store. */
const fileName = z
  .string()
  .transform((raw) => raw.replace(/[\p{Cc}\\/]/gu, '').trim().slice(0, 200) || 'tệp tải lên')
  .optional();

const choices = z
  .string()
  .transform((raw, ctx): ImportChoices => {
    if (!raw) return {};
    const r = parseChoices(raw);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.message });
    return {};
  })
  .optional();

const templateQuery = z.strictObject({ year: yearParam(), province: provinceParam, format: oneOf(['xlsx', 'csv'], 'format', 'xlsx hoặc csv').optional() });

const uploadQuery = z.strictObject({
  year: yearParam(),
  province: provinceParam,
  provinceVintage: oneOf(['2025', 'pre2025'], 'provinceVintage', '2025 hoặc pre2025').optional(),
  name: fileName,
  choices,
  skipInvalid: z.literal('1').optional(),
});

const batchParams = z.object({ id: matching(/^[1-9]\d{0,9}$/, 'id', 'mã lần nhập (số nguyên dương)').transform(Number) });

/** Editors and admins only, before the query is read: 401/403 come first. */
const writers = createMiddleware<AuthEnv>(async (c, next) => {
  requireSession(c, ['admin', 'editor'], true);
  await next();
});

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
  const upload = async (c: Context<AuthEnv>, q: z.output<typeof uploadQuery>) => {
    const session = requireSession(c, ['admin', 'editor'], true);
    const scope = scopeOf(session.user);
    // An editor's 2025 imports default to their province.
    const provinceCode = q.province ?? (scope.province !== null && vintageOfYear(q.year) === '2025' ? scope.province : null);
    await svc.assertProvinceInScope(q.year, provinceCode, scope, q.provinceVintage);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw badRequest('Chưa chọn tệp, hoặc tệp rỗng', 'file');
    return { session, scope, req: { fileName: q.name ?? 'tệp tải lên', bytes, year: q.year, provinceCode, provinceVintage: q.provinceVintage, choices: q.choices ?? {} } };
  };

  return new Hono<AuthEnv>()
    .get('/template', valid('query', templateQuery), async (c) => {
      const { year, format = 'xlsx', ...q } = c.req.valid('query');
      const { vintage, units, province } = await svc.templateUnits(year, q.province ?? null);
      const spec = { year, units, title: `Số liệu năm ${year}, ${province} (${vintage === '2025' ? 'địa giới từ 01/7/2025' : 'địa giới trước 01/7/2025'})` };
      const file = `mau-so-lieu-antt-${year}-${q.province ?? 'toan-quoc'}.${format}`;
      c.header('Content-Disposition', `attachment; filename="${file}"`);
      c.header('Cache-Control', 'no-cache');
      if (format === 'csv') {
        c.header('Content-Type', 'text/csv; charset=utf-8');
        return c.body(templateCsv(spec));
      }
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return c.body(new Uint8Array(await templateXlsx(spec)));
    })
    .post('/check', limit, writers, valid('query', uploadQuery), async (c) => {
      const { scope, req } = await upload(c, c.req.valid('query'));
      return c.json(await svc.check(req, scope), 200);
    })
    .post('/', limit, writers, valid('query', uploadQuery), async (c) => {
      const q = c.req.valid('query');
      const { session, scope, req } = await upload(c, q);
      const skip = q.skipInvalid === '1';
      try {
        const out = await svc.commit(req, scope, session.user.name, skip, (rows) => console.log(`import: committing ${rows} rows of ${req.fileName} (${req.year}) for ${session.user.name}`));
        return c.json(out, 200);
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
    .post('/:id/rollback', writers, valid('param', batchParams), async (c) => {
      const session = requireSession(c, ['admin', 'editor'], true);
      const { id } = c.req.valid('param');
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
