import type { RankingEntry } from './api';
import { formatScore } from './format';

/** The course leaderboard; my own row says so. */
export function RankingTable({ entries, me }: { entries: RankingEntry[]; me: string | undefined }) {
  return (
    <table className="w-full text-left">
      <caption className="sr-only">Ranking by course score</caption>
      <thead>
        <tr className="border-b border-line text-sm text-muted">
          <th scope="col" className="py-2 pr-4">Rank</th>
          <th scope="col" className="py-2 pr-4">Learner</th>
          <th scope="col" className="py-2">Score</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((r) => {
          const mine = r.user_id === me;
          return (
            <tr key={r.user_id} className={mine ? 'border-b border-line bg-accent-soft font-semibold' : 'border-b border-line'}>
              <td className="py-2 pr-4">{r.rank}</td>
              <td className="py-2 pr-4">
                {`${r.first_name} ${r.last_name}`.trim() || r.username}
                {mine && ' (you)'}
              </td>
              <td className="py-2">{formatScore(r.score)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
