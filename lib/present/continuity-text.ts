/**
 * The sentence of one cross-year evaluation (CARRYOVER_CONTINUITY, IN_FORCE_CONTINUITY; lib/query/agency-years.ts
 * continuityChecks) with its numbers (件), in the UI's language.
 */
import { T2_ROWS } from '../model/form-layout';
import type { ContinuityCheck } from '../query/agency-years';
import { zhT, type Translate } from './i18n/translate';

/**
 * The sentence of one cross-year evaluation with its numbers, in the UI's language (`t`, Chinese by
 * default): `2024 年上年结转 0 件 = 2023 年结转下年度继续办理 0 件`, or for the in-force rule
 * `「行政规范性文件」2024 年现行有效 8 件 = 2023 年现行有效 5 + 本年制发 3 − 本年废止 0 = 8 件`; a missing
 * number is `—（未给出）` and the sentence ends `（有数未给出，无法检查）`.
 */
export function continuityText(c: Omit<ContinuityCheck, 'text'>, t: Translate = zhT): string {
  const shown = (v: number | null) => (v === null ? t('—（未给出）') : `${v}`);
  const op = c.verdict === 'holds' ? '=' : c.verdict === 'fails' ? '≠' : t('与');
  const tail = c.verdict === 'not_evaluated' ? t('（有数未给出，无法检查）') : '';
  if (c.rule === 'CARRYOVER_CONTINUITY') {
    return t('{{year}} 年上年结转 {{actual}} 件 {{op}} {{prevYear}} 年结转下年度继续办理 {{expected}} 件{{tail}}', {
      year: c.year,
      actual: shown(c.actual),
      op,
      prevYear: c.prevYear,
      expected: shown(c.expected),
      tail,
    });
  }
  const row = T2_ROWS.find((x) => x.key === c.subjectRow)?.label ?? c.subjectRow;
  return t('「{{row}}」{{year}} 年现行有效 {{actual}} 件 {{op}} {{prevYear}} 年现行有效 {{last}} + 本年制发 {{issued}} − 本年废止 {{repealed}}{{expected}} 件{{tail}}', {
    row: t(row),
    year: c.year,
    actual: shown(c.actual),
    op,
    prevYear: c.prevYear,
    last: shown(c.last),
    issued: shown(c.issued),
    repealed: shown(c.repealed),
    expected: c.expected === null ? '' : ` = ${c.expected}`,
    tail,
  });
}

