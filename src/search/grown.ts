type Growable = Uint8Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Int32Array<ArrayBuffer>;

/** A copy of `a` with room for `size` elements (the rest zero): the index's typed arrays grow by it. */
export function grown<T extends Growable>(a: T, size: number): T {
  const bigger = new (a.constructor as new (n: number) => T)(size);
  bigger.set(a);
  return bigger;
}
