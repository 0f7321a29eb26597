import { Link } from 'react-router-dom';
import { Badge, Button } from '../../theme';
import type { Appeal, GradeItem } from './api';
import { formatScore } from './format';

/** My grade items: one row per graded exercise, with its appeal state or the way to appeal. */
export function GradeItemsTable({
  items,
  appeals,
  onAppeal,
}: {
  items: GradeItem[];
  appeals: Appeal[];
  onAppeal: (item: GradeItem) => void;
}) {
  const openAppeal = (id: string) => appeals.some((a) => a.grade_item_id === id && a.status === 'open');
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left">
        <caption className="sr-only">Grade items</caption>
        <thead>
          <tr className="border-b border-line text-sm text-muted">
            <th scope="col" className="py-2 pr-4">Exercise</th>
            <th scope="col" className="py-2 pr-4">Weight</th>
            <th scope="col" className="py-2 pr-4">Score</th>
            <th scope="col" className="py-2">Appeal</th>
          </tr>
        </thead>
        <tbody>
          {items.map((g) => (
            <tr key={g.id} className="border-b border-line">
              <th scope="row" className="py-3 pr-4 font-normal">
                <Link to={`/courses/${g.course_id}/exercises/${g.exercise_id}`} className="font-semibold text-link underline">
                  {g.exercise_title}
                </Link>
              </th>
              <td className="py-3 pr-4">{g.weight}</td>
              <td className="py-3 pr-4">
                {formatScore(g.score)} of {formatScore(g.max_score)} {g.overridden && <Badge>Changed by a grader</Badge>}
              </td>
              <td className="py-3">
                {openAppeal(g.id) ? (
                  <Badge>Appeal open</Badge>
                ) : (
                  <Button variant="secondary" onClick={() => onAppeal(g)} aria-label={`Appeal the grade for ${g.exercise_title}`}>
                    Appeal
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
