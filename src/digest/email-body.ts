import { decode as decodeQuotedPrintable } from 'libqp';

/**
 * An e-mail saved as a file (`.eml`, "Show original" → download): arXiv's listings arrive as one
 * text/plain part, but a mail client may keep them quoted-printable (`=C3=B6`, lines ending in `=`),
 * base64, or inside a multipart message. This returns the message's header lines followed by its
 * plain-text body, decoded, so the listing reads as the text arXiv sent; any other text is returned
 * as it is.
 */
export function emailBody(text: string): string {
  const message = splitMessage(text);
  if (!message || !/^(?:from|subject|date|to|received|return-path|message-id|mime-version|delivered-to):/im.test(message.head)) return text;
  const body = plainBody(message.head, message.body, 0);
  return body === undefined ? text : `${message.head}\n\n${body}`;
}

interface Message {
  head: string;
  body: string;
}

/** Header lines (folded continuations joined) and body, when the text starts with RFC 5322 headers. */
function splitMessage(text: string): Message | undefined {
  const m = /\r?\n\r?\n/.exec(text);
  if (!m) return undefined;
  const head = text.slice(0, m.index);
  if (!/^[\x21-\x39\x3b-\x7e]+:/.test(head)) return undefined;
  const lines = head.split(/\r?\n/);
  if (!lines.every((l) => /^[\x21-\x39\x3b-\x7e]+:/.test(l) || /^[ \t]/.test(l))) return undefined;
  return { head: head.replace(/\r?\n[ \t]+/g, ' '), body: text.slice(m.index + m[0].length) };
}

function header(head: string, name: string): string | undefined {
  return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1].trim();
}

function param(value: string | undefined, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value ?? '');
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The decoded text/plain body of a part, looking into multiparts; undefined when there is nothing to decode. */
function plainBody(head: string, body: string, depth: number): string | undefined {
  const type = header(head, 'content-type') ?? 'text/plain';
  const boundary = param(type, 'boundary');
  if (/^multipart\//i.test(type) && boundary && depth < 4) {
    const parts = body.split(new RegExp(`^--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \t]*\r?$`, 'm')).slice(1, -1);
    for (const part of parts) {
      const inner = splitMessage(part.replace(/^\r?\n/, ''));
      if (!inner || !/^text\/plain\b/i.test(header(inner.head, 'content-type') ?? 'text/plain')) continue;
      return plainBody(inner.head, inner.body, depth + 1) ?? inner.body;
    }
    return undefined;
  }
  const encoding = header(head, 'content-transfer-encoding')?.toLowerCase();
  if (encoding !== 'quoted-printable' && encoding !== 'base64') return undefined;
  const bytes = encoding === 'base64' ? Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64') : decodeQuotedPrintable(body);
  return decodeCharset(bytes, param(type, 'charset'));
}

function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
