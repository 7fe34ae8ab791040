/**
 * The contract as the page sees it (types only): each domain's part, joined. A new domain adds its
 * handlers' type here and its handlers in core.ts (which is typed by this list, so the two agree).
 */
import type { appHandlers } from '../app/handlers';
import type { compareHandlers } from '../compare/handlers';
import type { exportHandlers } from '../export/handlers';
import type { highlightHandlers } from '../highlights/handlers';
import type { libraryHandlers } from '../library/handlers';
import type { listHandlers } from '../lists/handlers';
import type { noteHandlers } from '../notes/handlers';
import type { settingsHandlers } from '../settings/handlers';
import type { statusHandlers } from '../status/handlers';
import type { tagHandlers } from '../tags/handlers';
import type { rankingHandlers } from '../rank/handlers';
import type { smartHandlers } from '../smart/handlers';
import type { sourceHandlers } from '../sources/handlers';
import type { trendHandlers } from '../trends/handlers';
import type { backupHandlers } from '../storage/backup-handlers';
import type { ClientOf } from './contract';
import type { EventName, Events } from './events';

export type Handlers = ReturnType<typeof appHandlers> &
  ReturnType<typeof libraryHandlers> &
  ReturnType<typeof tagHandlers> &
  ReturnType<typeof listHandlers> &
  ReturnType<typeof statusHandlers> &
  ReturnType<typeof noteHandlers> &
  ReturnType<typeof highlightHandlers> &
  ReturnType<typeof settingsHandlers> &
  ReturnType<typeof exportHandlers> &
  ReturnType<typeof compareHandlers> &
  ReturnType<typeof sourceHandlers> &
  ReturnType<typeof smartHandlers> &
  ReturnType<typeof rankingHandlers> &
  ReturnType<typeof trendHandlers> &
  ReturnType<typeof backupHandlers>;

export type Api = ClientOf<Handlers>;
export type { Events, EventName };
export type { FetchTrigger, SourceResult } from './events';
export type { SourceSummary } from '../sources/sources';
export type { SmartListSummary } from '../smart/smart-lists';
export type { RankingStatus } from '../rank/ranking-service';
export type { Trends, RisingTerm } from '../trends/trends';
export type { Envelope } from './contract';
export type { Shell, ShellCommand, Transport } from './bridge';

export interface Client {
  call<K extends keyof Api>(name: K, arg: Api[K]['arg']): Promise<Api[K]['result']>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
