// Shared vocabulary of the portal: imported by the server, the scripts and the client.

/** Boundary vintages: the 63-province map in force until 30/06/2025, and the 34-province map from 01/07/2025. */
export type Vintage = '2025' | 'pre2025';
export const VINTAGES: readonly Vintage[] = ['2025', 'pre2025'];
/** First year that lives on the 2025 communes; earlier years live on the pre-2025 communes. */
export const FIRST_2025_YEAR = 2025;

export type Level = 'province' | 'district' | 'commune';

/** Certification "An toàn về an ninh, trật tự" of one commune for one year. */
export type Status = 'dat' | 'chua_dat' | 'chua_danh_gia';
export const STATUSES: readonly Status[] = ['dat', 'chua_dat', 'chua_danh_gia'];

export type Origin = 'sample' | 'import';

export interface Unit {
  vintage: Vintage;
  code: string; // GSO code: 2 digits province, 3 district, 5 commune (3 for island districts without communes)
  level: Level;
  name: string; // without the unit type, e.g. "Đông Ngàn"
  fullName: string; // with it, e.g. "Phường Đông Ngàn"
  type: string; // Tỉnh/Thành phố, Quận/Huyện/..., Xã/Phường/Thị trấn/Đặc khu
  provinceCode: string;
  districtCode: string | null; // pre-2025 communes only
  population: number | null;
  areaKm2: number | null; // geodesic area of the polygon, where one exists
}

/** A pair of counts: how many units exist and how many of them are certified. */
export interface Tally {
  total: number;
  certified: number;
}

/** The figures a return may leave out. */
export type CountFigure = 'residential' | 'agencies' | 'enterprises' | 'schools' | 'models';
export const COUNT_FIGURES: readonly CountFigure[] = ['residential', 'agencies', 'enterprises', 'schools', 'models'];

/**
 * One commune's yearly return, keyed by (vintage, communeCode, year). A figure is null when the return
 * did not report it ("chưa báo cáo"): unknown, never 0 and, for a yes/no flag, never "no".
 */
export interface Assessment {
  vintage: Vintage;
  communeCode: string;
  year: number;
  status: Status;
  exemplary: boolean | null;
  residential: Tally | null; // khu dân cư
  agencies: Tally | null; // cơ quan
  enterprises: Tally | null; // doanh nghiệp
  schools: Tally | null; // cơ sở giáo dục
  models: number | null; // mô hình tự quản
  keyArea: boolean | null; // địa bàn trọng điểm, phức tạp
  hotSpot: boolean | null; // điểm nóng
  batchId: number;
}

/** Province-managed agencies, enterprises and schools (the seeds report them apart from the communes'). */
export interface ProvinceReturn {
  vintage: Vintage;
  provinceCode: string;
  year: number;
  bodies: Tally;
  batchId: number;
}

/** Where a set of figures came from: the sample generator, or one import. */
export interface Batch {
  id: number;
  origin: Origin;
  source: string; // generator name and seed, or the imported file's name and sha256
  createdAt: string; // ISO 8601
  note: string;
}

/**
 * One old→new link of the 01/07/2025 reform. `weight` is the share of the old commune's
 * figures that goes to the new one: 1 for a full link; for partial links the new communes'
 * geodesic areas apportion it (no polygon of the old commune exists), summing to 1 per old commune.
 */
export interface CrosswalkLink {
  oldCode: string;
  newCode: string;
  relation: 'full' | 'partial';
  weight: number;
}
