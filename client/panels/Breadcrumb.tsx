interface Props {
  province: { code: string; name: string } | null;
  onNational: () => void;
}

/** Where the map is: the country, or one province; the first crumb leads back. */
export function Breadcrumb({ province, onNational }: Props) {
  return (
    <nav className="breadcrumb" aria-label="Vị trí">
      {province ? (
        <>
          <button onClick={onNational}>Toàn quốc</button>
          <span aria-hidden> › </span>
          <strong>{province.name}</strong>
        </>
      ) : (
        <strong>Toàn quốc</strong>
      )}
    </nav>
  );
}
