import { useState } from 'react';
import { useApp } from '../../store';
import { InlineEdit, Menu } from '../Menu';
import { NONE } from './MatrixRow';

/** An attribute row's label: its name, renamed in place, and its menu (move, remove). */
export function AttributeLabel({ id, name, index, count }: { id: string; name: string; index: number; count: number }) {
  const renameAttribute = useApp((s) => s.renameAttribute);
  const removeAttribute = useApp((s) => s.removeAttribute);
  const moveAttribute = useApp((s) => s.moveAttribute);
  const [renaming, setRenaming] = useState(false);
  if (renaming) return <InlineEdit initial={name} label="Attribute name" onSave={(value) => renameAttribute(id, value)} onCancel={() => setRenaming(false)} />;
  return (
    <span className="cmp-attr-label">
      <span className="cmp-attr-name">{name}</span>
      <Menu
        label={`Actions for row ${name}`}
        className="ghost icon row-menu"
        items={[
          { label: 'Rename…', onSelect: () => setRenaming(true) },
          { label: 'Move up', disabled: index === 0, onSelect: () => void moveAttribute(id, index - 1) },
          { label: 'Move down', disabled: index === count - 1, onSelect: () => void moveAttribute(id, index + 1) },
          { label: 'Remove row', danger: true, onSelect: () => void removeAttribute(id) },
        ]}
      >
        ⋯
      </Menu>
    </span>
  );
}

/** A row to define a new attribute; names used in any comparison are offered. */
export function NewAttributeRow({ colSpan }: { colSpan: number }) {
  const addAttribute = useApp((s) => s.addAttribute);
  const names = useApp((s) => s.attributeNames);
  const attributes = useApp((s) => s.matrix?.attributes ?? NONE);
  const used = attributes.map((a) => a.name.toLowerCase());
  const [value, setValue] = useState('');
  return (
    <tr className="cmp-new-attr">
      <th scope="row" className="cmp-label">
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (!value.trim()) return;
            if (await addAttribute(value)) setValue('');
          }}
        >
          <input
            aria-label="New attribute row"
            placeholder="+ Add a row…"
            title="Add a row: Method, Dataset, Speed-up…"
            list="attribute-names"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          <datalist id="attribute-names">
            {names
              .filter((n) => !used.includes(n.toLowerCase()))
              .map((n) => (
                <option key={n} value={n} />
              ))}
          </datalist>
        </form>
      </th>
      <td colSpan={colSpan} className="cmp-new-attr-hint">
        Rows you define (Method, Dataset, Speed-up…) get a cell per paper: type in it, or select a passage of an abstract below.
      </td>
    </tr>
  );
}
