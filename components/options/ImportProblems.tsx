import { t } from '@/lib/i18n/t';
import type { ImportProblem } from '@/lib/watchlist-io/parse-import';
import { describeProblem } from './describe-problem';
import { formatCount } from './format';

/** Why a file was refused, each problem on its own line; every text is rendered as text. */
export function ImportProblems({ fileName, problems, moreProblems }: { fileName: string; problems: ImportProblem[]; moreProblems: number }) {
  return (
    <div className="notice problems" role="alert" data-import-errors="">
      <p className="problems-title">{t('options_import_refused', fileName)}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>{describeProblem(problem)}</li>
        ))}
      </ul>
      {moreProblems > 0 && <p>{moreProblems === 1 ? t('options_import_more_problems_one') : t('options_import_more_problems', formatCount(moreProblems))}</p>}
    </div>
  );
}
