import type { Command } from './commands';
import { UsageError } from './errors';
import { plural } from '../shared/plural';

/** `digest-reader backups list|restore <id>|create`: the Backups screen on the command line. */
export const backupsCommand: Command = {
  summary: 'List the backups of your notes, tags and lists, or restore one',
  usage: `digest-reader backups list [--json]
digest-reader backups restore <id>
digest-reader backups create

list      the backups, newest first: id, date, and how many notes, tags, lists and highlights each holds
restore   makes a backup your current data; your data as it was is backed up first, and the
          command prints the id that restores it (to undo)
create    backs up your data now (an identical backup is not written twice)`,
  options: { json: { type: 'boolean' } },
  args: [1, 2],
  async run(session, values, [action, id], io) {
    if (action === 'list') {
      if (id !== undefined) throw new UsageError(`backups list: unexpected argument “${id}”.`, 'backups');
      const backups = await session.call('backups.list', {});
      if (values.json) return (io.out(JSON.stringify(backups, null, 2)), 0);
      for (const b of backups) {
        const c = b.counts;
        io.out(
          `${b.id}  ${b.createdAt.slice(0, 16).replace('T', ' ')} UTC  ${plural(c.notes, 'note')}, ${plural(c.tags, 'tag')}, ${plural(c.lists, 'list')}, ${plural(c.highlights, 'highlight')}${b.reason === 'daily' ? '' : `  (${b.reason.replace('-', ' ')})`}`,
        );
      }
      io.err(plural(backups.length, 'backup'));
      return 0;
    }
    if (action === 'restore') {
      if (!id) throw new UsageError('backups restore: which backup? Give its id (digest-reader backups list shows them).', 'backups');
      const { undoId } = await session.call('backups.restore', { id });
      io.out(`Restored ${id}. Your data as it was is in backup ${undoId}: “digest-reader backups restore ${undoId}” undoes this.`);
      return 0;
    }
    if (action === 'create') {
      if (id !== undefined) throw new UsageError(`backups create: unexpected argument “${id}”.`, 'backups');
      const b = await session.call('backups.create', {});
      io.out(`Backed up as ${b.id}.`);
      return 0;
    }
    throw new UsageError(`backups: unknown action “${action}”: expected list, restore or create.`, 'backups');
  },
};
