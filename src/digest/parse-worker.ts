/**
 * A thread that reads one large digest (parse-off-thread.ts): the core's thread keeps answering
 * searches meanwhile. It parses what it is started with, answers once, and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DigestError } from './errors';
import { parseHere, SLICE, type ParseJob, type ParseMessage } from './parse-off-thread';

const { text, format } = workerData as ParseJob;
/** What is left to send, a slice per message: one of 10,000 entries would hold the core's thread while it is read. */
const outbox: ParseMessage[] = [];
try {
  const { parsed, hash } = parseHere(text, format);
  for (const list of ['entries', 'withoutAbstract'] as const) {
    for (let i = 0; i < parsed[list].length; i += SLICE) outbox.push({ list, slice: parsed[list].slice(i, i + SLICE) });
  }
  outbox.push({ ok: true, value: { parsed: { ...parsed, entries: [], withoutAbstract: [] }, hash } });
} catch (error) {
  const e = error as DigestError;
  outbox.push({ ok: false, error: { name: e.name, message: e.message, code: e.code, format: e.format, line: e.line, column: e.column } });
}
// The next slice once the core asks for it ('more'), after a turn of its event loop: messages
// waiting together are all read in one go.
const send = () => outbox.length > 0 && parentPort!.postMessage(outbox.shift());
parentPort!.on('message', send);
send();
