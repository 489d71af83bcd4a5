import { aggregate, type Aggregate } from '../../shared/domain/aggregate.js';
import type { CommuneFigures } from '../../shared/domain/figures.js';
import { FIRST_2025_YEAR, type Status, type Unit, type Vintage } from '../../shared/domain/types.js';
import { yearBasis, type YearBasis } from '../../shared/domain/previousYear.js';
import { buildWorklist, DEFAULT_CRITERIA, type ReasonId } from '../../shared/domain/worklist.js';
import { badRequest, notFound } from '../services/errors.js';
import type { StatsService } from '../services/stats.js';
import { earlierStatuses, statusMap } from '../services/worklist.js';
import type { Basis, CommuneLine, PlaceKind, ReportFigures, ReportPlace } from './reportFigures.js';

export interface ReportQuery {
  year: number;
  kind: PlaceKind;
  /** The province, district or commune code on the year's map (years ≤ 2024: the old units); null for the country. */
  code: string | null;
}

/** Everything a report is made of: the figures its sentences speak of, and the units for its table and map. */
export interface ReportData {
  figures: ReportFigures;
  /** The communes of the place in the year, on the year's own map. */
  communes: CommuneFigures[];
  /** The country: each province's figures this year and (when there is one) the year before. */
  provinces: { code: string; fullName: string; now: Aggregate; before: Aggregate | null }[];
  /** 2025 communes to draw and which of them are the place (old units: the new communes they went into). */
  map: { year: number; codes: Set<string>; provinceCodes: string[] };
}

/** The year's map: years before the reform live on the old communes. */
const vintageOf = (year: number): Vintage => (year >= FIRST_2025_YEAR ? '2025' : 'pre2025');

/** Reasons that only restate the status, which the sentence says already. */
const STATUS_REASONS: ReadonlySet<ReasonId> = new Set(['chua_dat', 'chua_danh_gia', 'khong_so_lieu']);

const LEVEL: Record<Exclude<PlaceKind, 'country'>, Unit['level']> = { province: 'province', district: 'district', commune: 'commune' };
const KIND_WORD: Record<Exclude<PlaceKind, 'country'>, string> = { province: 'tỉnh, thành phố', district: 'quận, huyện', commune: 'xã, phường, thị trấn' };

function inPlace(kind: PlaceKind, code: string | null) {
  return (c: CommuneFigures) => kind === 'country' || (kind === 'province' ? c.provinceCode === code : kind === 'district' ? c.districtCode === code : c.code === code);
}

/**
 * The place's figures of a year as every view compares them across years (shared/domain/previousYear): on the
 * year's own map, except that a year before 2025 is, for the country or a province, its old communes as reported
 * ('old-units', as /api/stats builds an area's total) and, for one commune, its predecessors rolled up ('crosswalk').
 */
export async function placeTotal(svc: StatsService, year: number, vintage: Vintage, kind: PlaceKind, code: string | null): Promise<{ total: Aggregate; basis: Basis }> {
  if (kind === 'country' || kind === 'province') {
    const s = await svc.stats({ vintage, year, level: 'province', ...(kind === 'province' ? { province: code! } : {}) });
    return { total: s.total, basis: vintage === '2025' ? BASIS[yearBasis(kind, year)] : 'reported' };
  }
  const basis: Basis = vintage === '2025' ? BASIS[yearBasis('commune', year)] : 'reported';
  const { communes } = await svc.communeFigures(vintage, year);
  return { total: aggregate(communes.filter(inPlace(kind, code))), basis };
}

const BASIS: Record<YearBasis, Basis> = { reported: 'reported', 'old-units': 'old-units', rollup: 'crosswalk' };

export async function reportData(svc: StatsService, q: ReportQuery): Promise<ReportData> {
  const vintage = vintageOf(q.year);
  await svc.assertYear(vintage, q.year);
  const units = await svc.units(vintage);
  const provinceNames = new Map([...units.values()].filter((u) => u.level === 'province').map((u) => [u.code, u.fullName]));
  let unit: Unit | undefined;
  if (q.kind !== 'country') {
    if (!q.code) throw badRequest(`Thiếu mã ${KIND_WORD[q.kind]}`, q.kind);
    unit = units.get(q.code);
    if (!unit || unit.level !== LEVEL[q.kind]) {
      const hint = vintage === 'pre2025' ? ` (năm ${q.year} dùng mã đơn vị hành chính trước ngày 01/7/2025)` : ' (năm từ 2025 dùng mã đơn vị hành chính từ ngày 01/7/2025)';
      throw notFound(`Không có ${KIND_WORD[q.kind]} mã ${q.code} trên địa giới năm ${q.year}${hint}`, q.kind);
    }
  }
  const place: ReportPlace = unit
    ? { kind: q.kind, code: unit.code, name: unit.name, fullName: unit.fullName, type: unit.type, vintage, provinceName: q.kind === 'province' ? null : (provinceNames.get(unit.provinceCode) ?? null) }
    : { kind: 'country', code: null, name: 'Việt Nam', fullName: 'Toàn quốc', type: 'Quốc gia', vintage, provinceName: null };

  const { communes: all } = await svc.communeFigures(vintage, q.year);
  const communes = all.filter(inPlace(q.kind, q.code));
  const now = (await placeTotal(svc, q.year, vintage, q.kind, q.code)).total;

  const prevYear = q.year - 1;
  const hasPrev = (await svc.years(vintage)).includes(prevYear);
  const previous = hasPrev ? { year: prevYear, ...(await placeTotal(svc, prevYear, vintage, q.kind, q.code)) } : null;
  // On the 2025 map the year before comes rolled up onto the same communes, so statuses compare commune by commune.
  const prevStatuses = hasPrev ? statusMap((await svc.communeFigures(vintage, prevYear)).communes) : null;

  const criteria = { ...DEFAULT_CRITERIA, year: q.year, since: prevYear, province: q.kind === 'province' ? q.code : null, minScore: 0 };
  const worklist = buildWorklist({ criteria, communes: all, sinceStatuses: prevStatuses, earlier: await earlierStatuses(svc, q.year, communes, vintage), provinceNames });
  const reasons = new Map(worklist.rows.map((r) => [r.code, r.reasons.filter((x) => !STATUS_REASONS.has(x.id)).map((x) => x.text)]));
  const lines: CommuneLine[] = communes.map((c) => ({
    code: c.code,
    fullName: `${c.type} ${c.name}`,
    provinceName: provinceNames.get(c.provinceCode) ?? c.provinceCode,
    status: c.status,
    previousStatus: prevStatuses?.get(c.code) ?? null,
    reasons: reasons.get(c.code) ?? [],
    keyArea: c.keyArea,
    hotSpot: c.hotSpot,
    exemplary: c.exemplary,
  }));

  const links = await svc.crosswalkLinks();
  let reform: ReportFigures['reform'] = null;
  if (vintage === '2025' && hasPrev) {
    const inside = new Set(communes.map((c) => c.code));
    const old = new Set(links.filter((l) => inside.has(l.newCode)).map((l) => l.oldCode));
    const before = statusMap((await svc.communeFigures('pre2025', prevYear)).communes);
    const statuses = [...old].map((code) => before.get(code) ?? null);
    reform = { oldCommunes: old.size, oldCertified: count(statuses, 'dat'), oldAssessed: statuses.filter((s) => s !== null).length, year: prevYear };
  }

  let provinces: ReportData['provinces'] = [];
  if (q.kind === 'country') {
    const rows = (await svc.stats({ vintage, year: q.year, level: 'province' })).units;
    const before = hasPrev ? new Map((await svc.stats({ vintage, year: prevYear, level: 'province' })).units.map((u) => [u.code, u as unknown as Aggregate])) : null;
    provinces = rows.map((u) => ({ code: u.code, fullName: (u as { fullName: string }).fullName, now: u as unknown as Aggregate, before: before?.get(u.code) ?? null }));
  }

  // Old units have no polygons: their map shows the 2025 communes they went into.
  const codes = vintage === '2025' ? new Set(communes.map((c) => c.code)) : new Set(links.filter((l) => communes.some((c) => c.code === l.oldCode)).map((l) => l.newCode));
  const units2025 = vintage === '2025' ? units : await svc.units('2025');
  const provinceCodes = [...new Set([...codes].map((c) => units2025.get(c)?.provinceCode).filter((p): p is string => !!p))].sort();

  return {
    figures: { place, year: q.year, now, previous, communes: lines, reform, sample: all.some((c) => c.origin === 'sample') },
    communes,
    provinces,
    map: { year: q.year, codes, provinceCodes },
  };
}

const count = (xs: readonly (Status | null)[], s: Status) => xs.filter((x) => x === s).length;
