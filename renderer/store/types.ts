import type { Api, Events } from '../../src/api';

export type PaperRow = Api['papers.query']['result']['items'][number];
export type PaperView = Api['papers.get']['result'];
export type Digest = Api['digests.list']['result']['digests'][number];
export type ImportReport = Api['digests.import']['result'];
export type Warning = Api['app.status']['result']['warnings'][number];
export type ListSummary = Api['lists.list']['result'][number];
export type TagSummary = Api['tags.list']['result'][number];
export type Highlight = PaperView['highlights'][number];
export type Settings = Api['settings.get']['result'];
export type SortOrder = NonNullable<Api['papers.query']['arg']['sort']>;
export type ReadState = PaperView['state'];
export type TagColor = TagSummary['color'];
export type HighlightColor = Highlight['color'];

/** What the list shows: everything, one digest, one reading list, some tags, or starred papers; or a comparison in place of the list. */
export type View = Api['session.save']['arg']['view'];
export type SourceSummary = Api['sources.list']['result']['sources'][number];
export type FetchSchedule = Api['sources.list']['result']['schedule'];
export type SourceFormat = NonNullable<Api['sources.add']['arg']['format']>;
export type SmartListSummary = Api['smart.list']['result'][number];
export type SmartRule = NonNullable<Api['smart.create']['arg']['rule']>;
export type SmartCheck = Api['smart.check']['result'];
export type RankingStatus = NonNullable<Api['papers.query']['result']['ranking']>;
export type Trends = Api['trends.get']['result'];
export type FetchProgress = Events['fetch.progress'];
export type FetchRun = Events['fetch.finished'];
