import type { Envelope, EventName, Events } from '../../src/api';
import type { Transport } from '../../src/api/bridge';

const TOKEN_KEY = 'digest-reader-token';

/**
 * The per-run token, kept for reloads. It arrives in the URL fragment (never sent to a server):
 * as `#token=` in the link printed in the terminal, or as a one-time `#code=` (in the link the
 * server opened the browser with, whose command line other users can see) exchanged here for it.
 */
async function takeToken(): Promise<string | null> {
  const token = /[#&]token=([\w-]+)/.exec(location.hash)?.[1];
  const code = /[#&]code=([\w-]+)/.exec(location.hash)?.[1];
  if (token || code) history.replaceState(null, '', location.pathname + location.search);
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  if (code) {
    try {
      const res = await fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
      if (res.ok) sessionStorage.setItem(TOKEN_KEY, ((await res.json()) as { token: string }).token);
    } catch {
      // server gone: the page says it is not connected
    }
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

let tokenReady: Promise<string | null> | undefined;
const theToken = () => (tokenReady ??= takeToken());

const unauthorized: Envelope = {
  ok: false,
  error: {
    code: 'unauthorized',
    message:
      'This page is not connected to your library. Open the link that `npm start` printed (it carries the access token); a link that opened the browser by itself works once, within a minute.',
  },
};

/** The folders the server lets this page export into (`--export-dir`); none when it cannot tell. */
export async function webExportFolders(): Promise<string[]> {
  const token = await theToken();
  if (!token) return [];
  try {
    const res = await fetch('/api/export-folders', { headers: { Authorization: `Bearer ${token}` } });
    return res.ok ? ((await res.json()) as { folders: string[] }).folders : [];
  } catch {
    return [];
  }
}

export function httpTransport(): Transport {
  void theToken();
  return {
    async invoke(name, arg) {
      const token = await theToken();
      if (!token) return unauthorized;
      const headers = { Authorization: `Bearer ${token}` };
      const res = await fetch(`/api/call/${name}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(arg ?? {}),
      });
      if (res.status === 401) return unauthorized;
      if (!res.ok && !res.headers.get('content-type')?.includes('json')) {
        return { ok: false, error: { code: `http-${res.status}`, message: await res.text() } };
      }
      return (await res.json()) as Envelope;
    },
    subscribe(listener) {
      let stopped = false;
      const controller = new AbortController();
      const connect = async () => {
        const token = await theToken();
        const headers = { Authorization: `Bearer ${token ?? ''}` };
        while (!stopped && token) {
          try {
            const res = await fetch('/api/events', { headers, signal: controller.signal });
            const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = '';
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              buffer += value;
              let end: number;
              while ((end = buffer.indexOf('\n\n')) >= 0) {
                const frame = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                const data = frame.split('\n').find((l) => l.startsWith('data: '));
                if (data) {
                  const { event, payload } = JSON.parse(data.slice(6)) as { event: EventName; payload: Events[EventName] };
                  listener(event, payload);
                }
              }
            }
          } catch {
            // server gone or restarting: try again shortly
          }
          if (!stopped) await new Promise((r) => setTimeout(r, 1500));
        }
      };
      void connect();
      return () => {
        stopped = true;
        controller.abort();
      };
    },
  };
}
