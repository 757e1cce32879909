/**
 * Rebuilding table rows from PDF text positions, on hand-made items laid out as the corpus'
 * PDFs print them (positions taken from hongze-2023 and huaian-2024, rounded).
 */
import { describe, expect, it } from 'vitest';
import { layoutPdfText, type PdfTextItem } from './pdf-layout';

/** An item; width defaults to one font size per character (CJK), half for digits. */
function item(str: string, x: number, y: number, size = 10, width?: number): PdfTextItem {
  const w = width ?? [...str].reduce((a, c) => a + (/[\x20-\x7e]/.test(c) ? size / 2 : size), 0);
  return { str, x, y, width: w, height: size };
}

const page = (items: PdfTextItem[]) => ({ width: 595, height: 842, items });
const seven = (y: number, values: string[], size = 14) =>
  values.map((v, i) => item(v, 322 + i * 29, y, size, v.length * 7));

describe('layoutPdfText', () => {
  it('joins narrative items into lines and keeps numbers inside prose', () => {
    const text = layoutPdfText([page([item('报告中所列数据统计期限自', 74, 600, 16, 324.9), item('2023', 403.6, 600, 16, 32), item('年', 439.1, 600, 16)])]);
    expect(text).toBe('报告中所列数据统计期限自 2023年');
  });

  it('puts a label and its numbers on one tab-separated line, dropping the page number', () => {
    const text = layoutPdfText([
      page([item('- 3 -', 464, 39.5, 13, 21.6), item('一、本年新收政府信息公开申请数量', 77.5, 348.1), ...seven(346.7, ['21', '0', '0', '0', '0', '0', '21'])]),
    ]);
    expect(text).toBe('一、本年新收政府信息公开申请数量\t21\t0\t0\t0\t0\t0\t21');
  });

  it('joins a label wrapped above and below its numbers to that row', () => {
    const text = layoutPdfText([
      page([
        item('（一）予以公开', 104, 304, 9),
        ...seven(302, ['0', '0', '0', '0', '0', '0', '0']),
        item('（二）部分公开（区分处理的，只计这一情 形，不', 104, 283, 9),
        ...seven(275.3, ['4', '0', '0', '0', '0', '0', '4']),
        item('计其他情形）', 104, 269.5, 9),
        item('1.属于国家秘密', 180.7, 248.3, 9),
        ...seven(248.5, ['1', '0', '0', '0', '0', '0', '1']),
      ]),
    ]);
    expect(text.split('\n')).toEqual([
      '（一）予以公开\t0\t0\t0\t0\t0\t0\t0',
      '（二）部分公开（区分处理的，只计这一情 形，不计其他情形）\t4\t0\t0\t0\t0\t0\t4',
      '1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1',
    ]);
  });

  it('merges a group label printed one character per line and puts it in front of its row', () => {
    const chars = ['三、', '本', '年', '度', '办', '理', '结', '果'].map((c, i) => item(c, 60, 262 - i * 15, 7.5, c.length * 7.5));
    const rows = [
      item('1.属于国家秘密', 143, 262.7, 7.5),
      ...seven(260.4, ['2', '0', '0', '0', '0', '0', '2']),
      item('2.其他法律行政法规禁止公开', 143, 238.5, 7.5),
      ...seven(236.3, ['30', '1', '0', '0', '0', '0', '31']),
      item('3.危及“三安全一稳定”', 143, 214.4, 7.5),
      ...seven(212.1, ['5', '0', '0', '0', '0', '0', '5']),
      item('4.保护第三方合法权益', 143, 190.5, 7.5),
      ...seven(188.2, ['6', '0', '0', '0', '0', '0', '6']),
      item('5.属于三类内部事务信息', 143, 166.6, 7.5),
      ...seven(164.3, ['7', '1', '0', '0', '0', '0', '8']),
    ];
    const lines = layoutPdfText([page([...chars, ...rows])]).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.filter((l) => l.startsWith('三、本年度办理结果\t'))).toHaveLength(1);
    expect(lines.map((l) => l.split('\t').slice(-8, -7)[0])).toEqual([
      '1.属于国家秘密',
      '2.其他法律行政法规禁止公开',
      '3.危及“三安全一稳定”',
      '4.保护第三方合法权益',
      '5.属于三类内部事务信息',
    ]);
  });

  it('does not pull a prose line or a 第二十条 heading into a table row', () => {
    const text = layoutPdfText([
      page([
        item('府网站日常监测机制。', 74, 417, 16),
        item('二、主动公开政府信息情况', 106, 389, 16),
        item('信息内容', 129, 320, 12),
        item('本年制发件数', 249, 320, 12),
        item('规章', 81, 281, 12),
        item('0', 282, 281, 12, 6),
        item('0', 377, 281, 12, 6),
        item('0', 467, 281, 12, 6),
        item('行政许可', 81, 127, 12),
        item('550', 365, 127, 12, 18),
        item('第二十条第（六）项', 242, 84, 12),
      ]),
    ]);
    expect(text.split('\n')).toEqual([
      '府网站日常监测机制。',
      '二、主动公开政府信息情况',
      '信息内容\t本年制发件数',
      '规章\t0\t0\t0',
      '行政许可\t550',
      '第二十条第（六）项',
    ]);
  });

  it('keeps printed-empty cells in their columns, known from the complete rows', () => {
    const full = (y: number) => seven(y, ['1', '2', '3', '4', '5', '6', '21']);
    const text = layoutPdfText([
      page([
        item('一、本年新收政府信息公开申请数量', 77, 400),
        ...full(400),
        item('二、上年结转政府信息公开申请数量', 77, 380),
        ...seven(380, ['18', '', '', '', '', '', '18']).filter((i) => i.str),
        item('（一）予以公开', 104, 360),
        ...full(360),
        item('（二）部分公开', 104, 340),
        item('（七）总计', 104, 320),
        ...full(320),
      ]),
    ]);
    expect(text.split('\n')).toEqual([
      '一、本年新收政府信息公开申请数量\t1\t2\t3\t4\t5\t6\t21',
      '| 二、上年结转政府信息公开申请数量 | 18 |  |  |  |  |  | 18 |',
      '（一）予以公开\t1\t2\t3\t4\t5\t6\t21',
      '| （二）部分公开 |  |  |  |  |  |  |  |',
      '（七）总计\t1\t2\t3\t4\t5\t6\t21',
    ]);
  });

  it('removes running headers repeated in the margin of every page', () => {
    const header = () => item('某某县人民政府信息公开年报', 200, 800, 10);
    const text = layoutPdfText([page([header(), item('一、总体情况', 106, 700, 16)]), page([header(), item('二、主动公开政府信息情况', 106, 700, 16)])]);
    expect(text).toBe('一、总体情况\n二、主动公开政府信息情况');
  });

  it('returns an empty text for pages without text (a scan)', () => {
    expect(layoutPdfText([page([]), page([item(' ', 10, 10)])])).toBe('');
  });
});
