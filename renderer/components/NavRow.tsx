import { InlineEdit, Menu, type MenuItem } from './Menu';

export interface NavButtonProps {
  current: boolean;
  onClick: (e: React.MouseEvent) => void;
  name: string;
  sub?: string;
  count?: number;
  dot?: string;
}

/** One sidebar entry: a name (with an optional colour dot and a second line) and a paper count. */
export function NavButton({ current, onClick, name, sub, count, dot }: NavButtonProps) {
  return (
    <button type="button" className="nav-item" aria-current={current ? 'page' : undefined} onClick={onClick} title={name}>
      {dot && <span className={`tag-dot tag-${dot}`} aria-hidden="true" />}
      <span className="nav-name">
        <span className="nav-label">{name}</span>
        {sub && <span className="nav-sub">{sub}</span>}
      </span>
      {count !== undefined && (
        <span className="count" aria-label={`${count} papers`}>
          {count.toLocaleString()}
        </span>
      )}
    </button>
  );
}

/**
 * A sidebar entry the reader owns (a list, tag or comparison): the button, a ⋯ menu of actions,
 * and while `editing` an inline rename field in their place.
 */
export function EditableNavRow({
  nav,
  editing,
  editLabel,
  onRename,
  onEditEnd,
  menuLabel,
  menu,
}: {
  nav: NavButtonProps;
  editing: boolean;
  editLabel: string;
  onRename: (name: string) => Promise<boolean> | void;
  onEditEnd: () => void;
  menuLabel: string;
  /** No menu for built-in entries such as "Read later". */
  menu?: MenuItem[];
}) {
  return (
    <li className="nav-row">
      {editing ? (
        <InlineEdit initial={nav.name} label={editLabel} onSave={onRename} onCancel={onEditEnd} />
      ) : (
        <>
          <NavButton {...nav} />
          {menu && (
            <Menu label={menuLabel} className="ghost icon row-menu" items={menu}>
              ⋯
            </Menu>
          )}
        </>
      )}
    </li>
  );
}
