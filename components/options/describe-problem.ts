import { t } from '@/lib/i18n/t';
import type { FieldIssue, ImportProblem } from '@/lib/watchlist-io/parse-import';
import { formatBytes, formatCount } from './format';

const DATE_FIELDS = new Set(['addedAt', 'statusAt', 'updatedAt']);

/** One problem of a refused file, in a sentence the viewer can act on. */
export function describeProblem(problem: ImportProblem): string {
  switch (problem.kind) {
    case 'file-too-large':
      return t('options_import_error_too_large', formatBytes(problem.bytes), formatBytes(problem.limit));
    case 'not-json':
      return t('options_import_error_not_json');
    case 'not-a-watchlist':
      return t('options_import_error_not_watchlist');
    case 'newer-version':
      return t('options_import_error_newer');
    case 'bad-version':
      return t('options_import_error_bad_version');
    case 'no-entries-list':
      return t('options_import_error_no_entries');
    case 'too-many-entries':
      return t('options_import_error_too_many', formatCount(problem.count), formatCount(problem.limit));
    case 'entry': {
      const what = describeIssue(problem.field, problem.issue);
      return problem.title === undefined
        ? t('options_import_error_entry', formatCount(problem.index), problem.field, what)
        : t('options_import_error_entry_titled', formatCount(problem.index), problem.title, problem.field, what);
    }
  }
}

function describeIssue(field: string, issue: FieldIssue): string {
  const isDate = DATE_FIELDS.has(field);
  switch (issue.code) {
    case 'missing':
      return t('options_issue_missing');
    case 'wrong-type':
      return isDate ? t('options_issue_not_a_date') : t('options_issue_wrong_type', typeName(issue.expected));
    case 'empty':
      return t('options_issue_empty');
    case 'too-long':
      return t('options_issue_too_long', formatCount(issue.limit));
    case 'too-small':
      return isDate ? t('options_issue_not_a_date') : t('options_issue_too_small', String(issue.limit));
    case 'too-large':
      return isDate ? t('options_issue_not_a_date') : t('options_issue_too_large', String(issue.limit));
    case 'not-allowed':
      return t('options_issue_not_allowed', issue.allowed.join(', '));
    case 'bad-format':
      if (field === 'key') return t('options_issue_bad_key');
      if (field === 'where.siteId') return t('options_issue_bad_site_id');
      return t('options_issue_bad_format');
    case 'invalid':
      return t('options_issue_invalid');
  }
}

function typeName(expected: string): string {
  switch (expected) {
    case 'string':
      return t('options_type_text');
    case 'number':
      return t('options_type_number');
    case 'int':
      return t('options_type_whole_number');
    case 'object':
      return t('options_type_object');
    default:
      return expected;
  }
}
