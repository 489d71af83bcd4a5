// What the year's written report is made of (reportData builds it) and what its text is (sentences.ts writes it).

import type { Aggregate } from '../../shared/domain/aggregate.js';
import type { Status, Vintage } from '../../shared/domain/types.js';

export type PlaceKind = 'country' | 'province' | 'district' | 'commune';

export interface ReportPlace {
  kind: PlaceKind;
  code: string | null;
  /** "Bắc Ninh" */
  name: string;
  /** "Tỉnh Bắc Ninh" (the country: "Toàn quốc") */
  fullName: string;
  /** "Tỉnh", "Thành phố", "Huyện", "Xã", … */
  type: string;
  vintage: Vintage;
  /** The province a district or commune lies in ("Tỉnh Tuyên Quang"). */
  provinceName: string | null;
}

/** One commune of the place, as the lists of the report name it. */
export interface CommuneLine {
  code: string;
  fullName: string;
  provinceName: string;
  status: Status | null;
  /** Its status the year before (for a 2025 commune: rolled up from its predecessors); null: unknown. */
  previousStatus: Status | null;
  /** The worklist's reasons ("chưa đạt 2 năm liền", "địa bàn trọng điểm", …), the status itself left out. */
  reasons: string[];
  keyArea: boolean | null;
  hotSpot: boolean | null;
  exemplary: boolean | null;
}

/** How the previous year's figures were taken (shared/domain/previousYear). */
export type Basis = 'reported' | 'old-units' | 'crosswalk';

export interface ReportFigures {
  place: ReportPlace;
  year: number;
  now: Aggregate;
  previous: { year: number; total: Aggregate; basis: Basis } | null;
  communes: CommuneLine[];
  /** 2025 only: the old communes the place's communes were formed from, and how they stood in 2024. */
  reform: { oldCommunes: number; oldCertified: number; oldAssessed: number; year: number } | null;
  sample: boolean;
}

export interface ReportSection {
  heading: string;
  paragraphs: string[];
}

export interface ReportText {
  /** The heading block of an official document. */
  issuer: string[];
  number: string;
  placeAndDate: string;
  title: string;
  subtitle: string;
  sections: ReportSection[];
}
