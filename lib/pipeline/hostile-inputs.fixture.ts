/**
 * Hostile inputs for the tests of the ingest's isolation (issue 12), built from the real reports
 * of data/seeds and data/corpus: a real DOCX "zip bomb" (a package whose document.xml inflates to
 * hundreds of MB), and a folder that holds a good report beside every kind of bad entry. Test
 * support only (writes files; not imported by the app).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const seeds = path.join(root, 'data', 'seeds');
const corpus = path.join(root, 'data', 'corpus');

/** A deflated ZIP entry: the raw deflate data, its uncompressed size and CRC-32. */
interface DeflatedEntry {
  name: string;
  data: Buffer;
  size: number;
  crc: number;
}

/**
 * `prefix + unit × count + suffix` deflated without ever holding the whole: each piece is
 * compressed on its own and ends in a full flush (byte-aligned, no reference to earlier data), so
 * the compressed unit is simply repeated — a real deflate stream that inflates to the whole.
 */
function deflateRepeated(name: string, prefix: string, unit: Buffer, count: number, suffix: string): DeflatedEntry {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const unitZ = zlib.deflateRawSync(unit, { ...flush, level: 9 });
  const parts = [zlib.deflateRawSync(Buffer.from(prefix), flush), ...Array.from({ length: count }, () => unitZ), zlib.deflateRawSync(Buffer.from(suffix))];
  let crc = zlib.crc32(prefix);
  for (let i = 0; i < count; i++) crc = zlib.crc32(unit, crc);
  crc = zlib.crc32(suffix, crc);
  return { name, data: Buffer.concat(parts), size: Buffer.byteLength(prefix) + unit.length * count + Buffer.byteLength(suffix), crc };
}

function deflated(name: string, text: string): DeflatedEntry {
  return { name, data: zlib.deflateRawSync(Buffer.from(text)), size: Buffer.byteLength(text), crc: zlib.crc32(text) };
}

/** A ZIP archive (deflate, method 8) of the entries, with its central directory. */
function zipArchive(entries: readonly DeflatedEntry[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(e.crc, 14);
    head.writeUInt32LE(e.data.length, 18);
    head.writeUInt32LE(e.size, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(e.crc, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    local.push(head, name, e.data);
    central.push(dir, name);
    offset += head.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cd, end]);
}

/**
 * A .docx whose word/document.xml is a well-formed document of `megabytes` MB of paragraphs (the
 * the bomb: 500 MB from ~1.5 MB, ratio ~330), with the package's content types and
 * relationships so that mammoth would open it. Returns the bytes and the declared sizes.
 */
export function docxBomb(megabytes: number): { bytes: Buffer; documentBytes: number; documentCompressed: number } {
  const ns = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const paragraph = '<w:p><w:r><w:t>0</w:t></w:r></w:p>';
  const unit = Buffer.from(paragraph.repeat(Math.floor((1024 * 1024) / paragraph.length)));
  const doc = deflateRepeated('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${ns}"><w:body>`, unit, megabytes, '</w:body></w:document>');
  const bytes = zipArchive([
    deflated(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    deflated(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    doc,
  ]);
  return { bytes, documentBytes: doc.size, documentCompressed: doc.data.length };
}

/** What {@link writeHostileFolder} wrote: the folder, the good report's name, the entries that must get a reports.csv row, and those skipped. */
export interface HostileFolder {
  dir: string;
  good: string;
  rows: string[];
  skipped: string[];
}

/** An HTML report of data/corpus with its body wrapped `depth` times in `open…close`. */
function nestedHtml(file: string, open: string, close: string, depth: number): string {
  const html = readFileSync(path.join(corpus, file), 'utf8');
  return html.replace(/(<body[^>]*>)/, `$1${open.repeat(depth)}`).replace(/<\/body>/, `${close.repeat(depth)}</body>`);
}

/** UTF-16LE bytes of `text`, without a byte order mark. */
function utf16leNoBom(text: string): Buffer {
  const b = Buffer.alloc(text.length * 2);
  for (let i = 0; i < text.length; i++) b.writeUInt16LE(text.charCodeAt(i), i * 2);
  return b;
}

/**
 * Writes the hostile folder into `dir`: a good report (seed 000) beside a DOCX bomb
 * (500 MB), a table cell of 400 digits (seed 002), a report nested in 1,000 tables and one in
 * 5,000 divs (corpus HTML), a row of 30,000 numbers (corpus Markdown), a UTF-8 report with one
 * invalid byte (seed 004), a UTF-16LE report without BOM (seed 001), a dangling link and a FIFO;
 * plus a README and a dot-file, which are skipped.
 */
export function writeHostileFolder(dir: string): HostileFolder {
  mkdirSync(dir, { recursive: true });
  const w = (name: string, data: string | Buffer) => writeFileSync(path.join(dir, name), data);
  copyFileSync(path.join(seeds, '000_c5009f74879149c4.txt'), path.join(dir, 'good.txt'));
  w('bomb.docx', docxBomb(500).bytes);
  const s002 = readFileSync(path.join(seeds, '002_257bd34ea451c6a3.txt'), 'utf8');
  w('huge-number.txt', s002.replace(/(一、本年新收政府信息公开申请数量\t\t)0/, `$1${'9'.repeat(400)}`));
  w('deep-tables.html', nestedHtml('anonymized-city-government-2025.html', '<table><tr><td>', '</td></tr></table>', 1000));
  w('deep-divs.html', nestedHtml('shanghai-government-office-2019-condensed.html', '<div>', '</div>', 5000));
  const md = readFileSync(path.join(corpus, 'shanghai-government-office-2025.md'), 'utf8');
  const numbers = Array.from({ length: 30_000 }, (_, i) => String(i % 97)).join(' | ');
  w('long-row.md', md.replace(/^\| 一、本年新收政府信息公开申请数量 \|.*$/m, `| 一、本年新收政府信息公开申请数量 | ${numbers} |`));
  const s004 = readFileSync(path.join(seeds, '004_7ffb10b0611b3e96.txt'));
  const at = s004.indexOf(Buffer.from('。'), s004.indexOf(Buffer.from('一、总体情况'))) + Buffer.byteLength('。'); // in the prose, after a sentence
  w('bad-byte.txt', Buffer.concat([s004.subarray(0, at), Buffer.from([0xff]), s004.subarray(at)]));
  w('utf16-no-bom.txt', utf16leNoBom(readFileSync(path.join(seeds, '001_8a13ebfd976f8452.txt'), 'utf8')));
  symlinkSync(path.join(dir, 'no-such-report.txt'), path.join(dir, 'dangling-link.txt'));
  execFileSync('mkfifo', [path.join(dir, 'fifo.txt')]);
  w('README.md', '# 说明\n这些文件用于测试。\n');
  w('.hidden.txt', '隐藏文件');
  return {
    dir,
    good: 'good.txt',
    rows: ['bad-byte.txt', 'bomb.docx', 'dangling-link.txt', 'deep-divs.html', 'deep-tables.html', 'fifo.txt', 'good.txt', 'huge-number.txt', 'long-row.md', 'utf16-no-bom.txt'],
    skipped: ['.hidden.txt', 'README.md'],
  };
}
