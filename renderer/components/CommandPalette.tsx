import { Command } from 'cmdk';
import { useApp } from '../store';
import { SHORTCUTS } from '../shortcuts';
import { Modal } from './Modal';

interface Action {
  id: string;
  label: string;
  group: string;
  hint?: string;
  run: () => void;
}

/** Every action of the app in one searchable list (Ctrl/Cmd+K). */
function useActions(): Action[] {
  const s = useApp();
  const actions: Action[] = [
    { id: 'import', group: 'Library', label: 'Import digest…', hint: 'Ctrl O', run: () => s.openImport(true) },
    {
      id: 'search',
      group: 'Library',
      label: 'Search papers',
      hint: '/',
      run: () => document.querySelector<HTMLElement>('input[aria-label="Search papers"]')?.focus(),
    },
    { id: 'new-list', group: 'Library', label: 'New reading list…', run: () => document.querySelector<HTMLElement>('button[aria-label="New list"]')?.click() },
    { id: 'export', group: 'Library', label: 'Export…', run: () => s.openExport(true) },
    { id: 'fetch', group: 'Library', label: 'Fetch all sources now', run: () => void s.fetchSources() },
    { id: 'settings', group: 'App', label: 'Settings…', hint: 'Ctrl ,', run: () => s.openOverlay('settings') },
    { id: 'backups', group: 'App', label: 'Backups…', run: () => s.openOverlay('backups') },
    { id: 'shortcuts', group: 'App', label: 'Keyboard shortcuts', hint: '?', run: () => s.openOverlay('shortcuts') },
    {
      id: 'theme',
      group: 'App',
      label: `Toggle theme (now ${s.settings?.theme ?? 'system'})`,
      run: () => {
        const order = ['system', 'light', 'dark', 'sepia'] as const;
        const now = order.indexOf(s.settings?.theme ?? 'system');
        void s.setSetting({ theme: order[(now + 1) % order.length] });
      },
    },
    { id: 'go-all', group: 'Go to', label: 'All papers', run: () => s.setView({ kind: 'all' }) },
    { id: 'go-starred', group: 'Go to', label: 'Starred', run: () => s.setView({ kind: 'starred' }) },
    { id: 'go-sources', group: 'Go to', label: 'Sources', run: () => s.setView({ kind: 'sources' }) },
    { id: 'go-trends', group: 'Go to', label: 'Trends', run: () => s.setView({ kind: 'trends' }) },
    ...s.comparisons.map((c) => ({ id: `go-compare-${c.id}`, group: 'Go to', label: `Comparison: ${c.name}`, run: () => s.openComparison(c.id) })),
    ...s.lists.map((l) => ({ id: `go-list-${l.id}`, group: 'Go to', label: `List: ${l.name}`, run: () => s.setView({ kind: 'list', id: l.id }) })),
    ...s.tags.map((t) => ({ id: `go-tag-${t.id}`, group: 'Go to', label: `Tag: ${t.name}`, run: () => s.setView({ kind: 'tags', ids: [t.id], mode: 'and' }) })),
    ...s.digests.map((d) => ({ id: `go-digest-${d.id}`, group: 'Go to', label: `Digest: ${d.name}`, run: () => s.setView({ kind: 'digest', id: d.id }) })),
    ...s.digests
      .filter((d) => d.unread > 0)
      .map((d) => ({ id: `triage-${d.id}`, group: 'Go to', label: `Triage: ${d.name} (${d.unread} unread)`, run: () => void s.startTriage(d.id) })),
  ];
  const target = s.selectedIds.length ? s.selectedIds : s.paper ? [s.paper.id] : [];
  if (target.length) {
    const what = target.length > 1 ? `${target.length} selected papers` : 'this paper';
    actions.push(
      { id: 'read', group: 'Paper', label: `Mark ${what} read`, hint: 'r', run: () => void s.setStatus(target, { state: 'read' }) },
      { id: 'reading', group: 'Paper', label: `Mark ${what} reading`, run: () => void s.setStatus(target, { state: 'reading' }) },
      { id: 'unread', group: 'Paper', label: `Mark ${what} unread`, run: () => void s.setStatus(target, { state: 'unread' }) },
      { id: 'star', group: 'Paper', label: `Star ${what}`, hint: 's', run: () => void s.setStatus(target, { starred: true }) },
      { id: 'unstar', group: 'Paper', label: `Unstar ${what}`, run: () => void s.setStatus(target, { starred: false }) },
      { id: 'not-interested', group: 'Paper', label: `Not interested in ${what}`, run: () => void s.setStatus(target, { notInterested: true }) },
      ...(target.length >= 2 && target.length <= 6
        ? [{ id: 'compare', group: 'Paper', label: `Compare the ${target.length} selected papers`, run: () => void s.compare(target) }]
        : []),
      {
        id: 'tag',
        group: 'Paper',
        label: `Tag ${what}…`,
        hint: 't',
        run: () => document.querySelector<HTMLElement>(target.length > 1 ? 'input[aria-label="Tag selection"]' : 'input[aria-label="Add tag"]')?.focus(),
      },
      ...s.lists.map((l) => ({ id: `add-${l.id}`, group: 'Paper', label: `Add ${what} to “${l.name}”`, run: () => void s.addToList(l.id, target) })),
      ...s.tags.map((t) => ({ id: `tag-${t.id}`, group: 'Paper', label: `Tag ${what} “${t.name}”`, run: () => void s.addTags(target, [t.name]) })),
    );
  }
  for (const sc of SHORTCUTS.filter((x) => ['j', 'k', 'n'].includes(x.keys[0]))) {
    actions.push({ id: `key-${sc.keys[0]}`, group: 'Reading', label: sc.label, hint: sc.keys[0], run: sc.run });
  }
  return actions;
}

/** An action matches when its name holds every word typed (letters scattered across it do not: "theme" is not "Tag this paper"). */
function everyWord(value: string, search: string): number {
  const name = value.toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .every((word) => name.includes(word))
    ? 1
    : 0;
}

export function CommandPalette() {
  const open = useApp((s) => s.overlay === 'palette');
  const openOverlay = useApp((s) => s.openOverlay);
  const actions = useActions();
  const groups = [...new Set(actions.map((a) => a.group))];
  const close = () => openOverlay(null);

  return (
    <Modal open={open} onClose={close} label="Command palette" className="palette">
      <Command label="Command palette" loop filter={everyWord}>
        <Command.Input data-autofocus placeholder="Type a command or a name…" aria-label="Command" />
        <Command.List>
          <Command.Empty>No matching action.</Command.Empty>
          {groups.map((g) => (
            <Command.Group key={g} heading={g}>
              {actions
                .filter((a) => a.group === g)
                .map((a) => (
                  <Command.Item
                    key={a.id}
                    value={`${a.label} ${a.id}`}
                    onSelect={() => {
                      close();
                      // After the dialog has closed, so focus moves where the action wants it.
                      setTimeout(a.run, 0);
                    }}
                  >
                    <span>{a.label}</span>
                    {a.hint && <kbd>{a.hint}</kbd>}
                  </Command.Item>
                ))}
            </Command.Group>
          ))}
        </Command.List>
      </Command>
    </Modal>
  );
}
