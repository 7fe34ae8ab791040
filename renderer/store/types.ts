import type { Api } from '../../src/api';

export type PaperRow = Api['papers.query']['result']['items'][number];
export type PaperView = Api['papers.get']['result'];
export type Digest = Api['digests.list']['result']['digests'][number];
export type ImportReport = Api['digests.import']['result'];
export type Warning = Api['app.status']['result']['warnings'][number];
export type ListSummary = Api['lists.list']['result'][number];
export type TagSummary = Api['tags.list']['result'][number];
export type Highlight = PaperView['highlights'][number];
export type Settings = Api['settings.get']['result'];
export type SortOrder = 'digest' | 'date' | 'title' | 'list';
export type ReadState = 'unread' | 'reading' | 'read';

/** What the list shows: everything, one digest, one reading list, some tags, or starred papers; or a comparison in place of the list. */
export type View =
  | { kind: 'all' }
  | { kind: 'digest'; id: string }
  | { kind: 'list'; id: string }
  | { kind: 'tags'; ids: string[]; mode: 'and' | 'or' }
  | { kind: 'starred' }
  | { kind: 'comparison'; id: string };
