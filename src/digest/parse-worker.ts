/**
 * The thread that reads large digests (parse-off-thread.ts), so the core's thread keeps answering
 * searches meanwhile. One job at a time: it parses, then sends the entries a slice per message,
 * the next once the core asks for it ('more') — messages waiting together are all read in one go,
 * and 10,000 entries at once would hold the core's thread while they are read.
 */
import { parentPort } from 'node:worker_threads';
import { DigestError } from './errors';
import { parseHere, SLICE, type ParseJob, type ParseMessage } from './parse-off-thread';

const outbox: ParseMessage[] = [];
const send = () => outbox.length > 0 && parentPort!.postMessage(outbox.shift());

parentPort!.on('message', (message: ParseJob | 'more') => {
  if (message === 'more') return send();
  try {
    const { parsed, hash } = parseHere(message.text, message.format);
    for (const list of ['entries', 'withoutAbstract'] as const) {
      for (let i = 0; i < parsed[list].length; i += SLICE) outbox.push({ list, slice: parsed[list].slice(i, i + SLICE) });
    }
    outbox.push({ ok: true, value: { parsed: { ...parsed, entries: [], withoutAbstract: [] }, hash } });
  } catch (error) {
    const e = error as DigestError;
    outbox.push({ ok: false, error: { name: e.name, message: e.message, code: e.code, format: e.format, line: e.line, column: e.column } });
  }
  send();
});
