// Loaded only when a table is exported to Excel: the spreadsheet writer is large.
import type { ExportTable } from '../../shared/domain/exportTable.js';
import { xlsxBytes } from '../../shared/domain/exportXlsx.js';

export async function xlsxBlob(t: ExportTable): Promise<Blob> {
  return new Blob([await xlsxBytes(t)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
