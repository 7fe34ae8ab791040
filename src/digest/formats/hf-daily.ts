import { arxivLinks, parseArxivId } from '../arxiv';
import { DigestError } from '../errors';
import { EntryCollector } from '../entry';
import { arrayItemLines, isObject, readJson, type Json } from '../json';
import { commonDay, isoDate } from '../text';
import type { DigestFormat, DigestText, ParsedDigest } from '../types';

/**
 * Hugging Face papers JSON: the `api/daily_papers` list (`[{paper: {...}, title, summary, …}]`),
 * the daily page's `{dailyPapers: [...]}` object, `api/papers/search` (the same items) and bare
 * paper objects (`api/papers/<id>`, lists of them). `paper.id` is the arXiv id.
 */

const NAME = 'hf-daily-papers';
const LABEL = 'Hugging Face papers JSON';
const EXPECTED = 'a list of {"paper": {"id", "title", "summary", "authors"}} (api/daily_papers) or {"dailyPapers": [...]}';

const str = (v: Json | undefined) => (typeof v === 'string' ? v : undefined);

/** A bare paper object: an id and a title, with a summary or authors. */
function isPaper(v: Json | undefined): v is Record<string, Json> {
  return isObject(v) && typeof v.id === 'string' && typeof v.title === 'string' && ('summary' in v || Array.isArray(v.authors));
}

function isItem(v: Json | undefined): boolean {
  return isObject(v) && (isPaper(v.paper) || (isObject(v.paper) && typeof v.paper.id === 'string' && typeof v.title === 'string'));
}

/** The list of items and where it starts in the text, when the value has a shape of ours. */
function itemsOf(value: Json, text: string): { items: Json[]; start: number; date?: string } | undefined {
  if (Array.isArray(value)) {
    // An empty list is a day without papers (a weekend, or a day not yet listed): read as empty.
    if (value.length === 0) return { items: value, start: text.indexOf('[') };
    // Most of the first items must be papers; the odd broken one is reported, not fatal.
    const sample = value.slice(0, 20);
    const papers = sample.filter((v) => isItem(v) || isPaper(v)).length;
    if (papers > 0 && papers >= sample.length / 2) return { items: value, start: text.indexOf('[') };
    return undefined;
  }
  if (isObject(value) && Array.isArray(value.dailyPapers)) {
    return { items: value.dailyPapers, start: text.indexOf('[', text.indexOf('"dailyPapers"')), date: str(value.dateString ?? value.date) };
  }
  // One paper (api/papers/<id>), or one item of the list.
  if (isPaper(value) || isItem(value)) return { items: [value], start: 0 };
  return undefined;
}

function detect({ text }: DigestText): number {
  const json = readJson(text);
  if (!json.ok) return 0;
  const found = itemsOf(json.value, text);
  if (!found) return 0;
  // An empty list could be any list's; said to be ours only weakly, so that a day without papers reads as one.
  if (found.items.length === 0) return 'dailyPapers' in (json.value as object) ? 1 : 0.5;
  return found.items.some((v) => isItem(v)) || 'dailyPapers' in (json.value as object) ? 1 : 0.9;
}

function parse({ text }: DigestText): ParsedDigest {
  const json = readJson(text);
  if (!json.ok)
    throw new DigestError('malformed', `${LABEL}: the JSON is broken ${json.where}: ${json.message}`, { format: NAME, line: json.line, column: json.column });
  const found = itemsOf(json.value, text);
  if (!found) {
    const got = Array.isArray(json.value)
      ? 'a list of something else'
      : typeof json.value === 'object' && json.value
        ? `an object with ${Object.keys(json.value).slice(0, 5).join(', ') || 'no keys'}`
        : typeof json.value;
    throw new DigestError('malformed', `${LABEL}: this JSON is ${got}; expected ${EXPECTED}.`, { format: NAME, line: 1 });
  }
  const lines = arrayItemLines(text, found.start);
  const out = new EntryCollector(NAME);
  const days: (string | undefined)[] = [];
  found.items.forEach((item, i) => {
    const line = lines[i] ?? 1;
    const paper = isObject(item) && isObject(item.paper) ? item.paper : isObject(item) ? item : undefined;
    if (!paper || !isObject(item)) {
      out.skip(line, JSON.stringify(item)?.slice(0, 120) ?? '', `item ${i + 1} is not a paper (expected {"paper": {...}})`);
      return;
    }
    const id = str(paper.id);
    const ref = parseArxivId(id);
    const authors = Array.isArray(paper.authors)
      ? paper.authors.map((a) => (isObject(a) ? str(a.name) : str(a))).filter((a): a is string => Boolean(a))
      : undefined;
    const keywords = Array.isArray(paper.ai_keywords) ? paper.ai_keywords.filter((k): k is string => typeof k === 'string') : undefined;
    const upvotes = typeof paper.upvotes === 'number' ? paper.upvotes : undefined;
    days.push(isoDate(str(paper.submittedOnDailyAt) ?? str(item.publishedAt)));
    out.add({
      line,
      plain: true,
      tex: true, // Hugging Face copies arXiv's metadata
      title: str(paper.title) ?? str(item.title),
      abstract: str(paper.summary) ?? str(item.summary),
      arxivId: ref?.id,
      arxivVersion: ref?.version,
      authors,
      published: isoDate(str(paper.publishedAt) ?? str(item.publishedAt)),
      keywords,
      upvotes,
      links: {
        ...(ref ? arxivLinks(ref.id) : {}),
        hf: id && /^[\w./-]{1,100}$/.test(id) ? `https://huggingface.co/papers/${id}` : undefined,
        code: str(paper.githubRepo),
        project: str(paper.projectPage),
      },
    });
  });
  const date = isoDate(found.date)?.slice(0, 10) ?? commonDay(days);
  return out.result(LABEL, { title: 'Hugging Face daily papers', date }, 'the list holds no papers.');
}

export const hfDaily: DigestFormat = {
  name: NAME,
  description: "Hugging Face daily papers JSON (huggingface.co/api/daily_papers, the papers page's dailyPapers, api/papers/search).",
  detect,
  parse,
};
