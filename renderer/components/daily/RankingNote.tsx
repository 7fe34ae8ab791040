import { useApp } from '../../store';

/** Under a list sorted "Best for you": how the model stands, and what it needs ("star or tag 3 papers…"). */
export function RankingNote() {
  const ranking = useApp((s) => s.ranking);
  if (!ranking) return null;
  const tone = ranking.state === 'ready' ? 'ranking-note' : 'ranking-note needs';
  return (
    <p className={tone} role="status">
      {ranking.message}
    </p>
  );
}
