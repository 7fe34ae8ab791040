import type { Api } from '../../src/api';

export type PaperRow = Api['papers.query']['result']['items'][number];
export type PaperView = Api['papers.get']['result'];
export type Digest = Api['digests.list']['result']['digests'][number];
export type ImportReport = Api['digests.import']['result'];
export type Warning = Api['app.status']['result']['warnings'][number];
export type SortOrder = 'digest' | 'date' | 'title';
