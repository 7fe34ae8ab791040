/** "1 paper", "1,200 papers": a count for the command line and the core's messages (English digits). */
export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
