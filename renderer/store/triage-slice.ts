import type { StateCreator } from 'zustand';
import { api } from '../api/client';
import type { AppState } from './index';
import type { PaperView, ReadState } from './types';

interface Step {
  id: string;
  /** What the step changed, to put back on undo; `skipped` only for a skip (whether one was recorded before it). */
  before: { state: ReadState; starred: boolean; notInterested: boolean; skipped?: boolean };
  /** Whether this step moved on to the next paper (r, x) or stayed (s). */
  advanced: boolean;
}

/** Triage: walk a digest's unread papers one by one, deciding each with a single key. */
export interface TriageSlice {
  triage: {
    digestId: string;
    name: string;
    queue: string[];
    index: number;
    /** The paper at `index`; null while it loads, or if it could not be loaded. */
    paper: PaperView | null;
    loading: boolean;
    history: Step[];
    /** Started "Best for you": the papers in the reader's interest order, each with its reason. */
    best: boolean;
    reasons: Record<string, string | null>;
  } | null;
  startTriage(digestId: string, options?: { best?: boolean }): Promise<void>;
  stopTriage(): void;
  triageRead(): Promise<void>;
  triageStar(): Promise<void>;
  triageSkip(): Promise<void>;
  /** "Not interested": a negative signal for "Best for you", and on to the next paper. */
  triageNotInterested(): Promise<void>;
  triageUndo(): Promise<void>;
}

/** Keys pressed in quick succession are decided one after the other, each on the paper it saw. */
let chain: Promise<unknown> = Promise.resolve();
const serial = (action: () => Promise<void>) => {
  const next = chain.then(action);
  chain = next.catch(() => {});
  return next;
};

export const createTriageSlice: StateCreator<AppState, [], [], TriageSlice> = (set, get) => {
  const load = async (index: number) => {
    const t = get().triage;
    if (!t) return;
    const id = t.queue[index];
    set({ triage: { ...t, index, paper: null, loading: Boolean(id) } });
    const paper = id ? await get().attempt(() => api.call('papers.get', { id })) : null;
    if (get().triage) set({ triage: { ...get().triage!, index, paper: paper ?? null, loading: false } });
  };
  const record = async (change: { state?: ReadState; starred?: boolean; notInterested?: boolean }, advance: boolean) => {
    const t = get().triage;
    if (!t || t.loading) return;
    // A paper that could not be opened can only be skipped.
    if (!t.paper) return void (advance && !Object.keys(change).length && (await load(t.index + 1)));
    const { id, state, starred, notInterested } = t.paper;
    // A skip is a weak negative signal for "Best for you"; the other keys set the status.
    const skip = !Object.keys(change).length;
    const before: Step['before'] = { state, starred, notInterested };
    if (skip) {
      const done = await get().attempt(() => api.call('status.skip', { paperIds: [id] }));
      before.skipped = Boolean(done?.alreadySkipped.includes(id));
    } else await get().attempt(() => api.call('status.set', { paperIds: [id], ...change }));
    set({ triage: { ...t, history: [...t.history, { id, before, advanced: advance }] } });
    await load(advance ? t.index + 1 : t.index);
    void get().loadLibrary();
  };
  return {
    triage: null,
    async startTriage(digestId, { best = false } = {}) {
      const digest = get().digests.find((d) => d.id === digestId);
      const page = await get().attempt(() => api.call('papers.query', { digestId, state: 'unread', sort: best ? 'best' : 'digest', limit: 1000 }));
      if (!page) return;
      const reasons = Object.fromEntries(page.items.map((r) => [r.id, r.reason]));
      const queue = page.items.map((r) => r.id);
      set({ triage: { digestId, name: digest?.name ?? 'Digest', queue, index: 0, paper: null, loading: true, history: [], best, reasons } });
      await load(0);
    },
    stopTriage() {
      // After any decision still on its way, so none is lost.
      void serial(async () => {
        set({ triage: null });
        await get().refreshAll();
      });
    },
    triageRead: () => serial(() => record({ state: 'read' }, true)),
    triageStar: () => serial(() => record({ starred: !get().triage?.paper?.starred }, false)),
    triageSkip: () => serial(() => record({}, true)),
    triageNotInterested: () => serial(() => record({ notInterested: true }, true)),
    triageUndo: () =>
      serial(async () => {
        const t = get().triage;
        const last = t?.history.at(-1);
        if (!t || !last) return;
        await get().attempt(() => api.call('status.set', { paperIds: [last.id], ...last.before }));
        set({ triage: { ...t, history: t.history.slice(0, -1) } });
        await load(last.advanced ? t.index - 1 : t.index);
        void get().loadLibrary();
      }),
  };
};
