import { useApp } from '../store';

/** The category and year filters, offered when the library's papers have them. */
export function FacetSelects() {
  const facets = useApp((s) => s.facets);
  const options = useApp((s) => s.facetOptions);
  // Counted for another search (typing, until it pauses): the choices stay, their numbers wait.
  const counted = useApp((s) => s.facetOptionsFor === s.rowsFor);
  const count = (n: number) => (counted ? ` (${n.toLocaleString()})` : '');
  const setFacets = useApp((s) => s.setFacets);
  return (
    <>
      {(options.categories.length > 0 || facets.category) && (
        <select aria-label="Category" value={facets.category ?? ''} onChange={(e) => setFacets({ category: e.target.value || null })}>
          <option value="">All categories</option>
          {facets.category && !options.categories.some((c) => c.name === facets.category) && <option value={facets.category}>{facets.category}</option>}
          {options.categories.map((c) => (
            <option key={c.name} value={c.name}>
              {`${c.name}${count(c.count)}`}
            </option>
          ))}
        </select>
      )}
      {(options.years.length > 0 || facets.year) && (
        <select aria-label="Year" value={facets.year ?? ''} onChange={(e) => setFacets({ year: e.target.value ? Number(e.target.value) : null })}>
          <option value="">Any year</option>
          {facets.year && !options.years.some((y) => y.year === facets.year) && <option value={facets.year}>{facets.year}</option>}
          {options.years.map((y) => (
            <option key={y.year} value={y.year}>
              {`${y.year}${count(y.count)}`}
            </option>
          ))}
        </select>
      )}
    </>
  );
}

/** The filters on what sources said that hold now, each with a way to remove it. */
export function FacetChips() {
  const facets = useApp((s) => s.facets);
  const setFacets = useApp((s) => s.setFacets);
  const chips: { key: string; label: string; clear: Partial<typeof facets> }[] = [];
  if (facets.author) chips.push({ key: 'author', label: `By ${facets.author}`, clear: { author: null } });
  if (facets.category) chips.push({ key: 'category', label: `In ${facets.category}`, clear: { category: null } });
  if (facets.year) chips.push({ key: 'year', label: `From ${facets.year}`, clear: { year: null } });
  if (chips.length === 0) return null;
  return (
    <ul className="chips facet-chips" aria-label="Filters">
      {chips.map((c) => (
        <li key={c.key} className="chip facet-chip" title={c.label}>
          <span className="chip-label">{c.label}</span>
          <button type="button" className="chip-x" aria-label={`Remove filter: ${c.label}`} onClick={() => setFacets(c.clear)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
