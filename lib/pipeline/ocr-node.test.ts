import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPages } from '../../tests/fixtures/scans/make-scanned-pdf';
import { createNodeScanReader } from './ocr-node';

// An image file: page 3 of 洪泽区 2023 (the end of 表二 and the start of 表三) as a PNG screenshot at
// 150 dpi. The expected numbers are the golden file's (tests/golden/corpus/hongze-district-government-2023.expected.json),
// read by a person from the report.
const root = path.resolve(__dirname, '../..');
const golden = JSON.parse(readFileSync(path.join(root, 'tests/golden/corpus/hongze-district-government-2023.expected.json'), 'utf8'));
const T3_ON_PAGE_3 = ['new_received', 'carried_over', 'granted', 'partially_granted', 'denied_state_secret', 'denied_prohibited_by_law', 'denied_security_stability', 'denied_third_party', 'denied_internal_affairs', 'denied_process_info', 'denied_enforcement_file', 'denied_admin_query', 'unable_not_held', 'unable_needs_creation'];

describe('createNodeScanReader', () => {
  it('reads an image file (PNG) of a table page: every row of 表三 on it, in order, and 表二 numbers', async () => {
    const [page] = (await renderPages(new Uint8Array(readFileSync(path.join(root, 'data/corpus/hongze-district-government-2023.pdf'))), 150, 'image/png')).slice(2, 3);
    const reader = await createNodeScanReader();
    const reading = await reader.readImage(page.image);
    const rows = reading.tableLines.map((l) => l.numbers.map((n) => n.raw).join(' '));
    expect(rows.slice(0, 3)).toEqual([golden.tables.t2.penalty, golden.tables.t2.coercion, golden.tables.t2.fees]);
    expect(rows.slice(3)).toEqual(T3_ON_PAGE_3.map((r) => golden.tables.t3[r]));
    for (const l of reading.tableLines) for (const n of l.numbers) expect(n.confidence).toBeGreaterThan(0.5);
    expect(reading.text).toContain('三、收到和处理政府信息公开申请情况');
    expect(reading.pages).toBe(1);
  }, 240_000);

  it('rejects bytes that are no image, so the read path can say OCR failed', async () => {
    const reader = await createNodeScanReader();
    await expect(reader.readImage(new TextEncoder().encode('not an image'))).rejects.toThrow();
  });
});
