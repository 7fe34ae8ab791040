import type { ReadState } from '../api/vocabulary';

export interface PaperStatus {
  state: ReadState;
  starred: boolean;
  readAt?: string;
  updatedAt: string;
}
