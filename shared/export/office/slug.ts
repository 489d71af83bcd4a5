import { normalize } from '../../import/normalize.js';

/** ASCII file names from Vietnamese: "Tỉnh Bắc Ninh" → "tinh-bac-ninh" (the import's normalisation, dashed). */
export const slug = (s: string): string => normalize(s).replace(/[^a-z0-9]+/g, '-');
