import type { Assessment, Batch, CrosswalkLink, Level, ProvinceReturn, Unit, Vintage } from '../domain/types.js';

/** Reference data: the units of both vintages and the crosswalk between them. */
export interface Reference {
  units: Unit[];
  crosswalk: CrosswalkLink[];
}

/** What one batch writes: assessments and province returns, committed together or not at all. */
export interface BatchWrite {
  origin: Batch['origin'];
  source: string;
  note: string;
  assessments: Omit<Assessment, 'batchId'>[];
  provinceReturns: Omit<ProvinceReturn, 'batchId'>[];
}

/**
 * The stats store. Async so that a server database can sit behind it as well as the embedded one.
 * Every write is one transaction: on error nothing already stored changes.
 */
export interface Store {
  units(vintage: Vintage, filter?: { level?: Level; provinceCode?: string }): Promise<Unit[]>;
  unit(vintage: Vintage, code: string): Promise<Unit | undefined>;
  crosswalk(): Promise<CrosswalkLink[]>;
  /** Years that have at least one assessment on this vintage, ascending. */
  years(vintage: Vintage): Promise<number[]>;
  /** Ordered by commune code. The objects may be shared between calls (cached): treat them as read-only. */
  assessments(vintage: Vintage, year: number, provinceCode?: string): Promise<Assessment[]>;
  /** Every year's assessment of some communes (for a unit's history). */
  history(vintage: Vintage, communeCodes: string[]): Promise<Assessment[]>;
  provinceReturns(vintage: Vintage, year: number): Promise<ProvinceReturn[]>;
  batches(): Promise<Batch[]>;
  /** Increases on every write; lets callers cache derived figures. */
  version(): Promise<number>;

  replaceReference(ref: Reference): Promise<void>;
  /**
   * Writes a batch; rows replace earlier rows with the same key, except that a sample row never
   * replaces an imported one. Rows must name units of their vintage (communes, or island districts
   * without communes on the pre-2025 map). Returns the new batch id.
   */
  writeBatch(batch: BatchWrite): Promise<number>;
  /** Removes every batch of the given origin and its rows (used to regenerate the sample data). */
  deleteOrigin(origin: Batch['origin']): Promise<void>;
  close(): Promise<void>;
}
