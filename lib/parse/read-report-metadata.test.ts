/** Title, agency, year and date as printed in the corpus' layouts. */
import { describe, expect, it } from 'vitest';
import { readPublicationDate, readReportMetadata } from './read-report-metadata';

describe('readReportMetadata', () => {
  it('reads a title that prints the year before the agency, wrapped over two lines', () => {
    const m = readReportMetadata('正文\n2025 年上海市人民政府办公厅政府信息公开\n工作年度报告\n', '');
    expect(m).toMatchObject({ agency: '上海市人民政府办公厅', agencyPrinted: '上海市人民政府办公厅', year: 2025, region: '上海市', province: '上海市', level: '省' });
  });

  it('corrects a known misreading and keeps the printed name', () => {
    const m = readReportMetadata('# 沐阳县人民政府 2025 年 政府信息公开工作年度报告\n', '');
    expect(m).toMatchObject({ agency: '沭阳县人民政府', agencyPrinted: '沐阳县人民政府', region: '沭阳县', city: '宿迁市', county: '沭阳县', unresolvedReason: null });
    expect(m.aliasesApplied.map((a) => a.correct)).toEqual(['沭阳']);
  });

  it('reads a bare division name as its government, flagging one that is no division', () => {
    expect(readReportMetadata('宿迁市 2025 年政府信息公开工作年度报告', '')).toMatchObject({ agency: '宿迁市人民政府', reportKind: 'government', level: '市' });
    const m = readReportMetadata('测试市2025年政府信息公开工作年度报告', '');
    expect(m).toMatchObject({ agency: '测试市人民政府', agencyPrinted: '测试市', province: null, reportKind: 'government' });
    expect(m.unresolvedReason).toContain('测试市');
  });

  it('reads a saved page’s date field when the end prints no date', () => {
    expect(readPublicationDate('2019年上海市…年度报告\n发布日期：2020-01-31\n正文……\n六、其他需要报告的事项\n无。', 2019)).toBe('2020-01-31');
    expect(readPublicationDate('发布日期：2019-01-31\n……', 2019)).toBeNull();
  });
});

describe('readReportMetadata: page metadata and region-only titles', () => {
  it('takes the title from the page when the text prints none, never a field name as part of the agency', () => {
    const page = { title: '平潭综合实验区公安局2024年政府信息公开工作年度报告', publishedOn: '2025-01-20', publisher: '区公安局', sourceUrl: 'https://www.pingtan.gov.cn/x.htm', indexNo: null, docNo: null };
    const body = '本报告根据《中华人民共和国政府信息公开条例》编制。地址：福建省平潭综合实验区天山北路1号。';
    const m = readReportMetadata(body, body, page);
    expect(m).toMatchObject({ agency: '平潭综合实验区公安局', region: '平潭综合实验区', year: 2024, reportKind: 'department', agencyKey: '?:平潭综合实验区公安局' });
    expect([m.publishedOn, m.publishedOnSource, m.sourceUrl]).toEqual(['2025-01-20', 'page', 'https://www.pingtan.gov.cn/x.htm']);
  });

  it('reads a region-only title as the region-wide report of its government (平潭综合实验区, not a 民政部 division)', () => {
    const m = readReportMetadata('平潭综合实验区2024年度政府信息公开工作年度报告', '');
    expect(m).toMatchObject({ agency: '平潭综合实验区人民政府', agencyPrinted: '平潭综合实验区', region: '平潭综合实验区', reportKind: 'government', year: 2024 });
  });

  it('prefers the date printed at the end over the page’s', () => {
    const page = { title: null, publishedOn: '2025-01-20', publisher: null, sourceUrl: null, indexNo: null, docNo: null };
    const m = readReportMetadata('宿迁市2024年政府信息公开工作年度报告', '宿迁市2024年政府信息公开工作年度报告\n……\n2025年1月15日', page);
    expect([m.publishedOn, m.publishedOnSource]).toEqual(['2025-01-15', 'printed']);
  });
});
