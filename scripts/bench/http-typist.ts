/**
 * The page's side of the web transport, in a process of its own as the browser is: types the
 * keys it is given through HTTP (a request per call, as the page makes them) and prints one JSON
 * line of the times (workload.ts `Latency`). Run by measure-app.ts:
 * `node http-typist.js <url> <token> <open paper id> <keys as JSON>`.
 */
import { listQuery, type Envelope } from './app-session';
import { typeKeys } from './workload';

const [url, token, openId, keysJson] = process.argv.slice(2);
const keys = JSON.parse(keysJson) as string[];

async function call(name: string, arg: unknown): Promise<unknown> {
  const res = await fetch(`${url}api/call/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(arg),
  });
  const envelope = (await res.json()) as Envelope;
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value;
}

console.log(
  JSON.stringify(
    await typeKeys(async (q) => {
      await call('papers.query', listQuery(q));
      await call('papers.get', { id: openId, q });
    }, keys),
  ),
);
