import { noFigures, round2, type CountedFigures, type PredecessorSummary } from './figures.js';
import type { Assessment, CrosswalkLink, Status, Tally } from './types.js';

export interface RolledUp extends CountedFigures {
  predecessors: PredecessorSummary;
}

/** Said in every response that rolls figures up, so nobody mistakes them for reported ones. */
export const ROLLUP_NOTE =
  'Số liệu trước năm 2025 được quy đổi từ các xã cũ sang xã mới theo bảng chuyển đổi 01/7/2025: ' +
  'xã cũ nhập trọn vào một xã mới được tính nguyên; xã cũ chia cho nhiều xã mới được phân bổ theo diện tích các xã mới. ' +
  'Xã mới "Đạt" khi mọi xã cũ hợp thành đều đạt; "Chưa đạt" khi có ít nhất một xã cũ chưa đạt. ' +
  '(Figures before 2025 are rolled up from the old communes through the 1 July 2025 crosswalk: full links exactly, ' +
  'partial links apportioned by the new communes\' areas. A new commune counts as certified only if all its predecessors were.)';

/**
 * The status of a new commune from its predecessors' statuses: certified only if every part was,
 * not certified as soon as one part was not, otherwise not (fully) assessed; null when no part has data.
 */
export function statusFromPredecessors(p: PredecessorSummary): Status | null {
  if (p.noData === p.total) return null;
  if (p.notCertified > 0) return 'chua_dat';
  if (p.certified === p.total) return 'dat';
  return 'chua_danh_gia';
}

/** Adds a reported pair; an unreported one adds nothing (the sum stays null until a part reports it). */
function addWeighted(into: Tally | null, from: Tally | null, w: number): Tally | null {
  if (from === null) return into;
  return { total: (into?.total ?? 0) + from.total * w, certified: (into?.certified ?? 0) + from.certified * w };
}

function roundTally(t: Tally | null): Tally | null {
  return t && { total: round2(t.total), certified: round2(t.certified) };
}

/** A flag over parts: yes if one part says yes, unknown if none does and one did not report it, else no. */
const anyYes = (into: boolean | null, from: boolean | null): boolean | null => (into === true || from === true ? true : into === null || from === null ? null : false);

/**
 * Rolls one year's assessments of the pre-2025 communes up to the 2025 communes.
 * Every new commune named in `links` gets an entry, with `status: null` if none of its predecessors has data.
 * A figure sums the predecessors that reported it (as figures sum the predecessors with data); it stays
 * null (not reported) when none did.
 */
export function rollUp(old: readonly Assessment[], links: readonly CrosswalkLink[]): Map<string, RolledUp> {
  const byOld = new Map(old.map((a) => [a.communeCode, a]));
  const acc = new Map<string, RolledUp & { exemplaryParts: number; exemplaryUnknown: number; withData: number }>();
  for (const link of links) {
    let r = acc.get(link.newCode);
    if (!r) {
      r = {
        ...noFigures(),
        predecessors: { total: 0, certified: 0, notCertified: 0, notAssessed: 0, noData: 0, partial: 0 },
        exemplaryParts: 0,
        exemplaryUnknown: 0,
        withData: 0,
      };
      acc.set(link.newCode, r);
    }
    const p = r.predecessors;
    p.total++;
    if (link.relation === 'partial') p.partial++;
    const a = byOld.get(link.oldCode);
    if (!a) {
      p.noData++;
      continue;
    }
    if (a.status === 'dat') p.certified++;
    else if (a.status === 'chua_dat') p.notCertified++;
    else p.notAssessed++;
    const w = link.weight;
    r.residential = addWeighted(r.residential, a.residential, w);
    r.agencies = addWeighted(r.agencies, a.agencies, w);
    r.enterprises = addWeighted(r.enterprises, a.enterprises, w);
    r.schools = addWeighted(r.schools, a.schools, w);
    if (a.models !== null) r.models = (r.models ?? 0) + a.models * w;
    // A key area or hot spot anywhere inside the new commune marks it; a title like "điển hình" does not carry over unless every part had it.
    // A part that did not report a flag leaves it unknown unless another part says yes.
    [r.keyArea, r.hotSpot] = r.withData++ === 0 ? [a.keyArea, a.hotSpot] : [anyYes(r.keyArea, a.keyArea), anyYes(r.hotSpot, a.hotSpot)];
    if (a.exemplary) r.exemplaryParts++;
    else if (a.exemplary === null) r.exemplaryUnknown++;
  }
  const out = new Map<string, RolledUp>();
  for (const [code, { exemplaryParts, exemplaryUnknown, withData, ...r }] of acc) {
    const { total } = r.predecessors;
    out.set(code, {
      ...r,
      status: statusFromPredecessors(r.predecessors),
      exemplary: withData === 0 ? null : exemplaryParts + exemplaryUnknown < total ? false : exemplaryUnknown > 0 ? null : true,
      residential: roundTally(r.residential),
      agencies: roundTally(r.agencies),
      enterprises: roundTally(r.enterprises),
      schools: roundTally(r.schools),
      models: r.models === null ? null : round2(r.models),
    });
  }
  return out;
}
