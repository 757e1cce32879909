'use client';

/**
 * The page of one report (/report/REPORT_ID): who published it and how far it could be read, its
 * flags explained with review controls, the source text with flagged passages marked, and the
 * parsed tables with flagged cells outlined. `?flag=FINGERPRINT` selects a flag on arrival;
 * `?back=…` is the dashboard state that “返回看板” restores (lib/present/links.ts).
 *
 * Everything is read in the browser: the report's rows from DuckDB-WASM (the same database as the
 * dashboard), its text from /data/texts/REPORT_ID.txt — or, for a report uploaded in this tab, from
 * the tab's own store (app/_lib/upload-store.ts) —, the review decisions from IndexedDB.
 */
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Row } from '@/lib/store/executor';
import { reportStatusLabel, SECTION_LABELS, severityLabel } from '@/lib/present/labels';
import { agencyHref, dashboardHref, reportHref, selectedFlagParam } from '@/lib/present/links';
import type { ReportFlag } from '@/lib/query/report-detail';
import { buildFormTables, evidenceMarks, flagHighlights, publicationLine, rowMarks, type FlagHighlights, type FormTableView } from '@/lib/present/report-layout';
import { isReportId } from '@/lib/present/subject-ref';
import { reportCardHref } from '@/lib/present/report-card';
import { REVIEW_STATUS_LABELS } from '@/lib/review/decisions';
import { statusText } from '@/lib/present/i18n/status-text';
import type { Translate } from '@/lib/present/i18n/translate';
import { useT } from '../_lib/lang-context';
import LangSwitch from './LangSwitch';
import { useBrowserDb } from '../_lib/use-browser-db';
import { useDecisions, type UseDecisions } from '../_lib/use-decisions';
import { useReportData, useReportText } from '../_lib/use-report-data';
import { useCorrections } from '../_lib/use-corrections';
import ProofreadGridPanel from './ProofreadGridPanel';
import FlagCard from './FlagCard';
import FormTables, { CellLegend, worstSeverity } from './FormTables';
import DbStatus from './DbStatus';
import ErrorBox, { QUERY_FAILED_WHAT } from './ErrorBox';
import SourceText from './SourceText';

const KIND_LABELS: Record<string, string> = { department: '部门报告（次年 1 月 31 日前发布）', government: '人民政府报告（次年 3 月 31 日前发布）' };

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

/** The report page for `reportId` (validated here; a malformed id shows an explanation). */
export default function ReportPage({ reportId }: { reportId: string }) {
  const { t } = useT();
  const validId = isReportId(reportId);
  const { state: db, retry } = useBrowserDb();
  const decisions = useDecisions();
  const corrections = useCorrections(); // 校对 (issue 13): a save or import re-reads the report's rows
  const data = useReportData(db, reportId, validId, corrections.version);
  const text = useReportText(reportId, validId);
  const [params, setParams] = useState<URLSearchParams>(() => new URLSearchParams());
  const [selected, setSelected] = useState<string | null>(null);

  // The page's own query (?flag, ?back), once, on the client.
  useEffect(() => {
    const p = new URLSearchParams(window.location.search);
    setParams(p);
    setSelected(selectedFlagParam(p));
  }, [reportId]);

  const back = useMemo(() => new URLSearchParams(params.get('back') ?? ''), [params]);
  const home = dashboardHref(params);

  const ready = data.status === 'ready' ? data : null;
  const flagsByFp = useMemo(() => new Map((ready?.flags ?? []).map((f) => [f.fingerprint, f])), [ready]);
  const highlights = useMemo(() => flagHighlights(ready?.flags ?? []), [ready]);
  const marks = useMemo(
    () => [
      ...highlights.text,
      ...(ready && text.status === 'ready' ? [...evidenceMarks(text.text, ready.flags), ...rowMarks(text.text, ready.flags)] : []),
    ],
    [highlights, ready, text],
  );
  const tables = useMemo(() => {
    if (!ready) return [];
    const found = str(ready.report.tables_found)?.split(';') ?? [];
    return buildFormTables(ready.cells, found, str(ready.report.form_version));
  }, [ready]);

  // Bring the selected flag's first cell or table into view.
  const select = useCallback((fp: string) => {
    setSelected(fp);
    requestAnimationFrame(() => {
      const el =
        document.querySelector<HTMLElement>(`.form-tables [data-flags~="${fp}"]`) ?? document.querySelector<HTMLElement>(`.report-head [data-flags~="${fp}"]`);
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    });
  }, []);

  // Selected on arrival: scroll to its card once the data is there.
  useEffect(() => {
    if (!ready || !selected) return;
    document.getElementById(`flag-${selected}`)?.scrollIntoView({ block: 'start' });
    // only on arrival
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);

  if (!validId) {
    return (
      <main className="page">
        <ErrorBox
          title={t('报告编号格式不对')}
          message={t('“{{id}}”不是报告编号（应为 16 位十六进制数字，重复文件另加 -序号，例如 c0d392a57191d65c）。', { id: reportId })}
          what={
            <>
              {t('请从看板的表格、图表或审核队列点击进入报告页。')}
              <Link href="/">{t('返回看板')}</Link>
            </>
          }
          testId="report-error"
        />
      </main>
    );
  }

  const report = ready?.report;

  return (
    <main className="page wide" data-testid="report-page" data-report-id={reportId}>
      <Crumbs home={home} siblings={ready?.siblings ?? []} reportId={reportId} back={back} />

      <DbStatus loading={db.status === 'loading' || (db.status === 'ready' && data.status === 'loading')} error={db.status === 'error' ? db : null} onRetry={retry} />
      {data.status === 'error' ? (
        <ErrorBox message={data.error} what={QUERY_FAILED_WHAT} testId="report-error" />
      ) : null}
      {data.status === 'not_found' ? (
        <ErrorBox
          title={t('数据中没有这份报告')}
          message={t('报告编号 {{id}} 不在当前数据（reports.csv）中。报告编号由文件内容计算，文件更换或数据重新生成后，旧链接可能失效。', { id: reportId })}
          what={
            <>
              <Link href={home}>{t('返回看板')}</Link>
              {t('，在“覆盖”或“审核”中重新找到这份报告。')}
            </>
          }
          testId="report-error"
        >
          <p>{t('如果这是一份上传的报告：上传的数据只保存在上传它的那个标签页中，关闭该标签页或点了“清除上传的数据”后就不再可用，请在看板中重新上传该文件。')}</p>
        </ErrorBox>
      ) : null}

      {ready && report ? (
        <>
          <ReportHead report={report} reportId={reportId} tables={tables} highlights={highlights} flagsByFp={flagsByFp} selected={selected} back={back} />

          <ReportFlags flags={ready.flags} report={report} reportId={reportId} selected={selected} onSelect={select} decisions={decisions} back={back} />

          <div className="report-columns">
            <SourceText state={text} marks={marks} flagsByFp={flagsByFp} selected={selected} onSelect={select} />
            <section className="tables-pane" aria-label={t('解析出的表格')}>
              <h2>{t('解析出的表格')}</h2>
              <CellLegend />
              <ProofreadGridPanel reportId={reportId} cells={ready.cells} tables={tables} corrections={corrections}>
                <FormTables tables={tables} highlights={highlights} flagsByFp={flagsByFp} selected={selected} onSelect={select} />
              </ProofreadGridPanel>
            </section>
          </div>
        </>
      ) : null}
    </main>
  );
}

/**
 * The report's head: title (the agency's name linked to its page /agency/AGENCY_KEY, 上传 badge),
 * region, publication date (with 「（取自发布页面）」 when the report prints none and the page it was
 * published on gave it) and the 原文链接 when known, kind, how it was read, tables and sections
 * found, file.
 */
function ReportHead({
  report,
  reportId,
  tables,
  highlights,
  flagsByFp,
  selected,
  back,
}: {
  report: Row;
  reportId: string;
  tables: FormTableView[];
  highlights: FlagHighlights;
  flagsByFp: Map<string, ReportFlag>;
  selected: string | null;
  back: URLSearchParams;
}) {
  const { t, lang } = useT();
  const sectionsFound = str(report.sections_found)?.split(';') ?? [];
  const publication = publicationLine(report, t);
  const metaCls = (fps: readonly string[]) =>
    fps.length ? `meta-flag sev-${worstSeverity(fps, flagsByFp)}${selected && fps.includes(selected) ? ' sel' : ''}` : '';
  return (
    <header className="report-head">
      <h1 data-testid="report-title">
        <AgencyTitle report={report} back={back} />{' '}
        {typeof report.year === 'number' ? t('{{year}} 年度政府信息公开工作年度报告', { year: report.year }) : t('（年度未知）政府信息公开工作年度报告')}
        {report.origin === 'upload' ? (
          <span className="badge upload" data-testid="upload-badge" title={t('在本浏览器中上传的文件')}>
            {str(report.source_file)?.startsWith('手工录入') ? t('手工录入') : t('上传')}
          </span>
        ) : null}
      </h1>
      {report.origin === 'upload' ? (
        <p className="muted small report-upload-note" data-testid="report-upload-note">
          {t('这份报告是在本浏览器中上传的：原文和数据只在本机读取，只保存在上传它的标签页中，关闭该标签页后不再可用；它不在看板的数据文件中。')}
        </p>
      ) : null}
      <dl className="report-meta">
        <div className={metaCls(highlights.agency)} data-testid="meta-region" data-flags={highlights.agency.join(' ')}>
          <dt>{t('地区')}</dt>
          <dd translate="no">{regionText(report, t)}</dd>
        </div>
        <div className={metaCls(highlights.publishedOn)} data-testid="meta-published-on" data-flags={highlights.publishedOn.join(' ')}>
          <dt>{t('发布日期')}</dt>
          <dd title={publication.title}>
            {publication.date}
            {publication.note ? (
              <span className="muted" data-testid="published-on-source">
                {publication.note}
              </span>
            ) : null}
          </dd>
        </div>
        {publication.sourceUrl ? (
          <div data-testid="meta-source-url">
            <dt>{t('原文链接')}</dt>
            <dd className="source-url small">
              {/* A third-party page: a plain link the reader may follow, nothing fetched from it. */}
              <a href={publication.sourceUrl} target="_blank" rel="noopener noreferrer nofollow" title={t('发布这份报告的网页（外部网站，在新标签页打开）')}>
                {publication.sourceUrl}
              </a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('报告类型')}</dt>
          <dd>{KIND_LABELS[String(report.report_kind)] ? t(KIND_LABELS[String(report.report_kind)]) : '—'}</dd>
        </div>
        <div>
          <dt>{t('读取情况')}</dt>
          <dd data-testid="report-status">
            {t(reportStatusLabel(String(report.status)))}
            {str(report.status_message) ? (
              <span className="muted small">
                {t('：')}
                {statusText(String(report.status), str(report.status_message), lang, t)}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('表格')}</dt>
          <dd>
            {tables.map((tv) => (
              <span key={tv.table} className={`chip ${tv.found ? 'ok' : 'missing'}`}>
                {t(tv.title.replace(/^.*（(表.)）$/, '$1'))}
                {tv.found ? '' : t('（未读到）')}
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>{t('章节')}</dt>
          <dd>
            {Object.entries(SECTION_LABELS).map(([k, label]) => {
              const fps = highlights.sections.get(k) ?? [];
              return (
                <span
                  key={k}
                  className={`chip ${sectionsFound.includes(k) ? 'ok' : 'missing'}${fps.length ? ` flag sev-${worstSeverity(fps, flagsByFp)}` : ''}${selected && fps.includes(selected) ? ' sel' : ''}`}
                  data-flags={fps.join(' ')}
                  title={t(label)}
                >
                  {lang === 'en' ? t(label).split('.')[0] : label.split('、')[0]}
                </span>
              );
            })}
          </dd>
        </div>
        <div>
          <dt>{t('文件')}</dt>
          <dd className="mono small" translate="no">
            {String(report.source_file)} · {reportId}
          </dd>
        </div>
      </dl>
    </header>
  );
}

/** The report's flags: counts by severity and review status, then one card per flag with its review controls. */
function ReportFlags({
  flags,
  report,
  reportId,
  selected,
  onSelect,
  decisions,
  back,
}: {
  flags: ReportFlag[];
  report: Row;
  reportId: string;
  selected: string | null;
  onSelect: (fp: string) => void;
  decisions: UseDecisions;
  back: URLSearchParams;
}) {
  const { t } = useT();
  const counts = flags.reduce<Record<string, number>>((m, f) => ({ ...m, [f.severity]: (m[f.severity] ?? 0) + 1 }), {});
  const reviewed = decisions.state.status === 'ready' ? flags.filter((f) => (decisions.state.status === 'ready' ? decisions.state.byFingerprint.has(f.fingerprint) : false)).length : 0;
  return (
    <section className="flags-section" aria-label={t('检查结果')}>
      <h2 data-testid="flag-count" data-count={flags.length}>
        {t('检查结果 {{count}} 条', { count: flags.length })}
        {flags.length ? (
          <span className="muted small">
            {t('（{{severities}}；已审核 {{reviewed}} 条，{{openLabel}} {{open}} 条）', {
              severities: Object.entries(counts)
                .map(([s, n]) => `${t(severityLabel(s))} ${n}`)
                .join(t('、')),
              reviewed,
              openLabel: t(REVIEW_STATUS_LABELS.open),
              open: flags.length - reviewed,
            })}
          </span>
        ) : null}
      </h2>
      {flags.length === 0 ? <p className="muted">{t('这份报告没有触发任何检查规则。')}</p> : null}
      <div className="flag-cards">
        {flags.map((f) => (
          <FlagCard
            key={f.fingerprint}
            flag={f}
            context={{ report_id: reportId, agency: str(report.agency), year: typeof report.year === 'number' ? report.year : null }}
            selected={selected === f.fingerprint}
            onSelect={onSelect}
            decisions={decisions}
            back={back}
          />
        ))}
      </div>
    </section>
  );
}

/** The agency's name as the report prints it, linked to the agency's page when the report has an agency_key. */
function AgencyTitle({ report, back }: { report: Row; back: URLSearchParams }) {
  const { t } = useT();
  const agency = str(report.agency);
  const name = agency ?? t('（未识别机关）');
  const href = agencyHref(str(report.agency_key), back);
  return href ? (
    <Link href={href} className="agency-link" data-testid="report-agency-link" title={t('这个机关的历年报告')} translate={agency ? 'no' : undefined}>
      {name}
    </Link>
  ) : agency ? (
    <span translate="no">{name}</span>
  ) : (
    <>{name}</>
  );
}

/** The report's region: the province (English name in English) and city and county as printed. */
function regionText(report: Row, t: Translate): string {
  const parts = [str(report.province), str(report.city), str(report.county)].filter((x): x is string => x !== null);
  return parts.map((p, i) => (i === 0 ? t(p) : p)).join(' · ') || str(report.region) || '—';
}

/** 返回看板 (with the dashboard's state) and links to the agency's other years. */
function Crumbs({ home, siblings, reportId, back }: { home: string; siblings: Row[]; reportId: string; back: URLSearchParams }) {
  const { t } = useT();
  return (
    <nav className="crumbs">
      <Link href={home} data-testid="back-to-dashboard">
        {t('← 返回看板')}
      </Link>
      {reportCardHref(reportId) ? (
        <Link href={reportCardHref(reportId)!} data-testid="report-card-link" title={t('这份报告的一至两页摘要，可打印或导出 PDF')}>
          {t('体检单（打印）')}
        </Link>
      ) : null}
      <LangSwitch />
      {siblings.length > 1 ? (
        <span className="siblings">
          {t('同一机关其他年度：')}
          {siblings.map((s) => {
            const id = String(s.report_id);
            const href = reportHref(id, { back });
            // A duplicate (the same report read again, e.g. a crawl's text capture of the page) is
            // listed beside the report kept, marked as the copy it is.
            const label = `${typeof s.year === 'number' ? t('{{year}} 年', { year: s.year }) : t('年度未知')}${s.status === 'duplicate' ? t('（重复读入）') : ''}`;
            return id === reportId || !href ? (
              <strong key={id}>{label}</strong>
            ) : (
              <Link key={id} href={href}>
                {label}
              </Link>
            );
          })}
        </span>
      ) : null}
    </nav>
  );
}
