import type { z } from 'zod';

/** What a handler may do beyond the core's own folder, for the boundary to check (src/boundary). */
export interface HandlerTraits {
  /** It writes files into the folder named by its `outDir`, which a page may use only once the person chose it. */
  writesIntoChosenFolder?: boolean;
}

/** One handler of the contract: the schema its argument must pass, and what it does. */
export interface Handler<S extends z.ZodType = z.ZodType, R = unknown> extends HandlerTraits {
  input: S;
  run: (arg: z.output<S>) => R | Promise<R>;
}

export type HandlerMap = Record<string, Handler>;

export function handler<S extends z.ZodType, R>(input: S, run: (arg: z.output<S>) => R | Promise<R>, traits: HandlerTraits = {}): Handler<S, R> {
  return { input, run, ...traits };
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Joins the domains' handler maps into one; two domains claiming one name is a bug, refused at start. */
export function joinHandlers<T extends HandlerMap[]>(...parts: T): UnionToIntersection<T[number]> {
  const all: HandlerMap = {};
  for (const part of parts) {
    for (const [name, h] of Object.entries(part)) {
      if (name in all) throw new Error(`Digest Reader: handler "${name}" is defined twice`);
      all[name] = h;
    }
  }
  return all as UnionToIntersection<T[number]>;
}

/** An error the reader can be shown: a stable code and a plain message. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Envelope<R = unknown> = { ok: true; value: R } | { ok: false; error: { code: string; message: string } };

/** Derives the client's view of a handler map: argument in, result out, per name. */
export type ClientOf<M> = {
  [K in keyof M]: M[K] extends Handler<infer S, infer R> ? { arg: z.input<S>; result: Awaited<R> } : never;
};
