import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataUriBytes, htmlImageSource, imageHeader } from './embedded-images';
import { parseHtmlString } from './parse-html-report';
import { parseReportBytes } from './parse-report-bytes';

const png1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('images inside a report, listed by the HTML and Word readers (issue 13)', () => {
  it('lists the <img> inside the report with the section heading before it, not the page\'s navigation; data: inline, other src linked, lazy data-src first', async () => {
    const html = `<html><body><div class="nav"><img src="/images/logo.png"></div><div class="article">
      <p>某区2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>正文</p><img src="a/b.png">
      <p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p><p><img src="data:image/gif;base64,R0lGOD" data-src="report_files/%E8%A1%A8%E4%B8%89.png"></p>
      <p>四、政府信息公开行政复议、行政诉讼情况</p><img src="data:image/png;base64,${png1x1}"><img src=""></div></body></html>`;
    const parsed = parseHtmlString(html, 'a.html');
    if (!parsed.ok) throw new Error('not parsed');
    const images = parsed.value.images ?? [];
    expect(images.map((i) => [i.name, i.section, i.source.kind])).toEqual([
      ['b.png', '一', 'linked'],
      ['表三.png', '三', 'linked'],
      ['图片 3', '四', 'inline'],
    ]);
    const inline = images[2].source;
    if (inline.kind !== 'inline') throw new Error('not inline');
    expect(imageHeader(await inline.read())).toEqual({ format: 'png', width: 1, height: 1 });
  });

  it('a page without images has no `images` (the parse is as before); a data: URI of no image is not listed', () => {
    const plain = parseHtmlString('<p>某区2023年政府信息公开工作年度报告</p><p>一、总体情况</p><img src="data:text/html,x">', 'b.html');
    expect(plain.ok && 'images' in plain.value).toBe(false);
    expect(htmlImageSource('data:text/plain,abc')).toBeNull();
    expect(htmlImageSource('  ')).toBeNull();
  });

  it('a Word file without pictures (the official blank template) has no `images`; one with a picture: lib/read/read-embedded-images.test.ts', async () => {
    const docx = new Uint8Array(readFileSync(path.resolve(__dirname, '../../data/corpus/blank-template-2021-format.docx')));
    const parsed = await parseReportBytes(docx, 'blank.docx');
    expect(parsed.ok && parsed.value.images).toBeUndefined();
  });

  it('reads image headers without decoding: PNG, JPEG (SOF after other segments), GIF; anything else is `other`, a cut header is never a throw', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x02, 0x58, 0x03]);
    expect(imageHeader(jpeg)).toEqual({ format: 'jpeg', width: 600, height: 300 });
    expect(imageHeader(new TextEncoder().encode('GIF89a\x10\x00\x20\x00'))).toEqual({ format: 'gif', width: 16, height: 32 });
    expect(imageHeader(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toEqual({ format: 'other', width: 0, height: 0 });
    expect(imageHeader(jpeg.slice(0, 9))).toEqual({ format: 'jpeg', width: 0, height: 0 });
    expect(await dataUriBytes('data:image/svg+xml,%3Csvg%3E')).toEqual(new TextEncoder().encode('<svg>'));
    await expect(dataUriBytes('data:image/png;base64,@@@')).rejects.toThrow();
  });
});
