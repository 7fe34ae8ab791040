import { useApp } from '../../store';
import { NavButton } from '../NavRow';
import { Menu } from '../Menu';

/** Smart lists in the sidebar: each with its live count and a "new since you last looked" badge. */
export function SmartListsNav() {
  const smartLists = useApp((s) => s.smartLists);
  const view = useApp((s) => s.view);
  const openSmartList = useApp((s) => s.openSmartList);
  const openSmartEditor = useApp((s) => s.openSmartEditor);
  const deleteSmartList = useApp((s) => s.deleteSmartList);

  return (
    <section aria-labelledby="smart-heading">
      <div className="nav-heading-row">
        <h2 className="nav-heading" id="smart-heading">
          Smart lists
        </h2>
        <button
          type="button"
          className="ghost icon"
          aria-label="New smart list"
          title="New smart list"
          onClick={() => openSmartEditor({ mode: 'create', query: '' })}
        >
          +
        </button>
      </div>
      {smartLists.length === 0 ? (
        <p className="nav-empty">No smart lists yet. Search, then “Save search as smart list”.</p>
      ) : (
        <ul className="nav-list" aria-labelledby="smart-heading">
          {smartLists.map((l) => (
            <li key={l.id} className="nav-row smart-row">
              <NavButton current={view.kind === 'smart' && view.id === l.id} onClick={() => openSmartList(l.id)} name={l.name} sub={l.query} count={l.count} />
              {l.newCount > 0 && (
                <span className="new-badge" title={`${l.newCount} new since you last looked`}>
                  {l.newCount.toLocaleString()} new
                </span>
              )}
              <Menu
                label={`Actions for smart list ${l.name}`}
                className="ghost icon row-menu"
                items={[
                  { label: 'Edit query and rule…', onSelect: () => openSmartEditor({ mode: 'edit', id: l.id }) },
                  { label: 'Delete smart list', danger: true, onSelect: () => void deleteSmartList(l.id) },
                ]}
              >
                ⋯
              </Menu>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
