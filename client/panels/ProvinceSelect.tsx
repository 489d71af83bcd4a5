interface Props {
  name: string;
  provinces: { code: string; fullName: string }[];
  value: string | null;
  /** Label of the "whole country" choice; without it a province must be chosen. */
  national?: string;
  onChange: (code: string | null) => void;
}

/** "Tỉnh, thành phố" picker shared by the worklist filters and the target panel. */
export function ProvinceSelect({ name, provinces, value, national, onChange }: Props) {
  return (
    <label>
      Tỉnh, thành phố
      <select name={name} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        {national && <option value="">{national}</option>}
        {provinces.map((p) => (
          <option key={p.code} value={p.code}>
            {p.fullName}
          </option>
        ))}
      </select>
    </label>
  );
}
