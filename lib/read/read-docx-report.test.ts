/**
 * The Word reader end to end (lib/parse/parse-docx-report.ts, then ./assemble-record.ts): a .docx written here (a minimal WordprocessingML package in a stored ZIP) goes
 * through mammoth and the HTML reader; merged cells and empty cells come out as the form's cells,
 * and files that are no .docx are records with a reason.
 */
import { describe, expect, it } from 'vitest';
import { looksLikeZip, parseDocxReport } from '../parse/parse-docx-report';
import { assembleRecord } from './assemble-record';

/** The record of a .docx: parsed by the Word reader, assembled with the given id (no checks). */
async function readDocx(bytes: Uint8Array, name: string, id: string) {
  return assembleRecord(await parseDocxReport(bytes, name), name, id);
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** A ZIP archive with the given files, stored without compression. */
function zip(files: Record<string, string>): Uint8Array {
  const enc = new TextEncoder();
  const chunks: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  for (const [name, content] of Object.entries(files)) {
    const data = enc.encode(content);
    const nameBytes = enc.encode(name);
    const crc = crc32(data);
    const offset = chunks.length;
    const common = [...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(crc), ...u32(data.length), ...u32(data.length), ...u16(nameBytes.length), ...u16(0)];
    chunks.push(...u32(0x04034b50), ...common, ...nameBytes, ...data);
    central.push(...u32(0x02014b50), ...u16(20), ...common, ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...nameBytes);
  }
  const count = Object.keys(files).length;
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(count), ...u16(count), ...u32(central.length), ...u32(chunks.length), ...u16(0)];
  return new Uint8Array([...chunks, ...central, ...end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text)}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;

/** A .docx with the given body XML. */
function docx(body: string): Uint8Array {
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  });
}

describe('parseDocxReport → assembleRecord', () => {
  it('reads paragraphs and tables, with merged and empty cells, as the form cells', async () => {
    const t4 = `<w:tbl>${tr(tc('行政复议', '<w:gridSpan w:val="5"/>'), tc('行政诉讼', '<w:gridSpan w:val="10"/>'))}${tr(
      ...['3', '1', '', '0', '4', '0', '0', '0', '0', '0', '', '', '', '', ''].map((v) => tc(v)),
    )}</w:tbl>`;
    const t2 = `<w:tbl>${tr(tc('规章'), tc('1'), tc(''), tc('9'))}${tr(tc('行政规范性文件'), tc('2'), tc('0'), tc('7'))}${tr(tc('行政许可'), tc('5', '<w:gridSpan w:val="3"/>'))}</w:tbl>`;
    const body = [
      p('某县科技局2023年政府信息公开工作年度报告'),
      p('一、总体情况'),
      p('2023年，我局认真落实《条例》。'),
      p('二、主动公开政府信息情况'),
      t2,
      p('三、收到和处理政府信息公开申请情况'),
      p('无表格。'),
      p('四、政府信息公开行政复议、行政诉讼情况'),
      t4,
      p('五、存在的主要问题及改进情况'),
      p('六、其他需要报告的事项'),
    ].join('');
    const bytes = docx(body);
    expect(looksLikeZip(bytes)).toBe(true);
    const r = await readDocx(bytes, 'report.docx', 'd1');
    expect(r.report).toMatchObject({ agency: '某县科技局', year: 2023, tables_found: ['t2', 't4'] });
    const cell = (t: string, row: string, col: string) => r.cells.find((c) => c.table === t && c.row === row && c.column === col);
    expect(cell('t2', 'regulations', 'repealed')).toMatchObject({ status: 'blank' });
    expect(cell('t2', 'licensing', 'decisions')).toMatchObject({ status: 'reported', value: 5 });
    expect(cell('t4', 'review', 'other')).toMatchObject({ status: 'blank' });
    expect(cell('t4', 'litigation_after_review', 'total')).toMatchObject({ status: 'blank' });
    expect(r.text).toContain('| 规章 | 1 |  | 9 |');
  });

  it('says what to do with a file that is no .docx (an old .doc renamed) or a damaged one', async () => {
    const doc = await readDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.docx', 'd2');
    expect(doc.report.status).toBe('read_error');
    expect(doc.report.status_message).toContain('old.docx');
    const broken = await readDocx(zip({ 'hello.txt': 'not a word file' }), 'broken.docx', 'd3');
    expect(broken.report.status).toBe('read_error');
    expect(broken.report.status_message).toContain('broken.docx');
  });
});
