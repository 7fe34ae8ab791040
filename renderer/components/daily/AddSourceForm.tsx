import { useState } from 'react';
import { useApp } from '../../store';
import type { SourceFormat } from '../../store/types';
import { ARXIV_CATEGORIES, arxivApiAddress, arxivRssAddress, HF_ADDRESS } from '../../daily';
import { FORMAT_LABELS, MAX_NAME, MAX_URL } from '../../../src/api/vocabulary';

type Kind = 'hf' | 'arxiv-rss' | 'arxiv-api' | 'feed';
const KINDS: { value: Kind; label: string }[] = [
  { value: 'hf', label: 'Hugging Face daily papers' },
  { value: 'arxiv-rss', label: 'arXiv categories (RSS)' },
  { value: 'arxiv-api', label: 'arXiv API query' },
  { value: 'feed', label: 'Any feed' },
];

/** Adds a source: Hugging Face's daily papers, arXiv categories, an arXiv API query, or any feed in a known format. */
export function AddSourceForm() {
  const addSource = useApp((s) => s.addSource);
  const [kind, setKind] = useState<Kind>('feed');
  const [url, setUrl] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const [apiQuery, setApiQuery] = useState('');
  const [name, setName] = useState('');
  const [format, setFormat] = useState<SourceFormat | ''>('');
  const address =
    kind === 'hf' ? HF_ADDRESS : kind === 'arxiv-rss' ? arxivRssAddress(categories) : kind === 'arxiv-api' ? arxivApiAddress(apiQuery) : url.trim();

  const submit = async () => {
    if (!address) return;
    if (await addSource({ url: address, name, format: kind === 'feed' && format ? format : undefined })) {
      setUrl('');
      setName('');
      setCategories([]);
      setApiQuery('');
    }
  };

  return (
    <form
      className="add-source"
      aria-labelledby="add-source-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="add-source-title">Add a source</h2>
      <fieldset className="kinds">
        <legend className="visually-hidden">What to follow</legend>
        {KINDS.map((k) => (
          <label key={k.value} className="radio">
            <input type="radio" name="source-kind" checked={kind === k.value} onChange={() => setKind(k.value)} />
            {k.label}
          </label>
        ))}
      </fieldset>
      {kind === 'hf' && <p className="hint">Fetched for each day (the days the app missed are caught up), from huggingface.co.</p>}
      {kind === 'arxiv-rss' && (
        <fieldset className="categories">
          <legend>Categories</legend>
          {ARXIV_CATEGORIES.map((c) => (
            <label key={c} className="check">
              <input
                type="checkbox"
                checked={categories.includes(c)}
                onChange={(e) => setCategories(e.target.checked ? [...categories, c] : categories.filter((x) => x !== c))}
              />
              {c}
            </label>
          ))}
        </fieldset>
      )}
      {kind === 'arxiv-api' && (
        <label className="field">
          <span>Search query (arXiv’s syntax)</span>
          <input className="mono" value={apiQuery} placeholder='cat:cs.CL AND abs:"speculative decoding"' onChange={(e) => setApiQuery(e.target.value)} />
        </label>
      )}
      {kind === 'feed' && (
        <div className="field-row">
          <label className="field grow">
            <span>Address</span>
            <input type="url" value={url} maxLength={MAX_URL} placeholder="https://…" onChange={(e) => setUrl(e.target.value)} />
          </label>
          <label className="field">
            <span>Format</span>
            <select value={format} onChange={(e) => setFormat(e.target.value as SourceFormat | '')}>
              <option value="">Tell from the content</option>
              {Object.entries(FORMAT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <div className="field-row">
        <label className="field grow">
          <span>Name (optional)</span>
          <input value={name} maxLength={MAX_NAME} placeholder="A name is made from the address" onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={!address}>
          Add source
        </button>
      </div>
      {kind !== 'feed' && address && <p className="hint mono">{address}</p>}
    </form>
  );
}
