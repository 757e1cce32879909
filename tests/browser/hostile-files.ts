/**
 * Hostile uploads built by the tests (issue 12), never stored in the repository: an HTML page
 * nested thousands of elements deep, and a "zip bomb" .docx — a small package whose
 * word/document.xml inflates to hundreds of MB (the case: 528 KB → 500 MB). The zip is
 * written here byte by byte (local headers, central directory, end record) with honest sizes and
 * CRC-32, as a real packager would.
 */
import { createDeflateRaw, crc32 } from 'node:zlib';

/**
 * An HTML page whose body nests `depth` elements — `div`s, or tables (`<table><tr><td>` per level)
 * — around one line of text that is no report (the reader must walk it without overflowing its
 * stack and say what the page is not).
 */
export function deeplyNestedHtml(depth: number, kind: 'div' | 'table'): string {
  const [open, close] = kind === 'div' ? ['<div>', '</div>'] : ['<table><tr><td>', '</td></tr></table>'];
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>嵌套网页</title></head><body>${open.repeat(depth)}这是一个嵌套很深的网页。${close.repeat(depth)}</body></html>`;
}

/** One stored entry of a zip: its name, deflated bytes, CRC-32 and size of the inflated content. */
interface ZipEntry {
  name: string;
  deflated: Buffer;
  crc: number;
  size: number;
}

/** Deflates `parts` (strings, or `{ repeat, times }` for a run of `times` copies) as one stream, without holding the inflated content. */
async function deflateParts(parts: Array<string | { repeat: string; times: number }>): Promise<ZipEntry> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer) => {
    crc = crc32(b, crc);
    size += b.length;
    if (!z.write(b)) await new Promise((r) => z.once('drain', r));
  };
  for (const p of parts) {
    if (typeof p === 'string') await write(Buffer.from(p, 'utf8'));
    else {
      const chunk = Buffer.from(p.repeat.repeat(Math.max(1, Math.floor((1 << 20) / p.repeat.length))), 'utf8');
      const per = chunk.length / Buffer.byteLength(p.repeat);
      for (let left = p.times; left > 0; left -= per) await write(left >= per ? chunk : Buffer.from(p.repeat.repeat(left), 'utf8'));
    }
  }
  z.end();
  await done;
  return { name: '', deflated: Buffer.concat(out), crc, size };
}

/** A zip file of `entries` (method 8, deflate), with the central directory a reader checks before inflating. */
function zipFile(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + e.deflated.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/**
 * A .docx zip bomb: a valid Word package whose word/document.xml is one paragraph of
 * `inflatedMb` MB of text (default 500), deflated to about 1/1000 of that.
 * @returns the file's bytes and the inflated size of document.xml (bytes)
 */
export async function docxBomb(inflatedMb = 500): Promise<{ bytes: Buffer; inflated: number }> {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const entry = async (name: string, parts: Parameters<typeof deflateParts>[0]) => ({ ...(await deflateParts(parts)), name });
  const doc = await entry('word/document.xml', [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>`,
    { repeat: '0', times: inflatedMb * 1024 * 1024 },
    '</w:t></w:r></w:p></w:body></w:document>',
  ]);
  const entries = [
    await entry('[Content_Types].xml', [
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ]),
    await entry('_rels/.rels', [
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ]),
    doc,
  ];
  return { bytes: zipFile(entries), inflated: doc.size };
}
