/**
 * One identity per agency on the real reports embedded in the app (data/seeds + data/corpus):
 * the pairs issue 9 names, read from the files as the ingest reads them.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../lib/model/report-schema';
import { ingestFile } from '../../lib/pipeline/ingest-reports';

const data = path.resolve(__dirname, '../../data');

describe('agency identity on data/seeds and data/corpus', () => {
  const byFile = new Map<string, Report>();
  beforeAll(async () => {
    for (const dir of ['seeds', 'corpus']) {
      for (const f of readdirSync(path.join(data, dir)).filter((n) => !n.startsWith('MANIFEST'))) {
        byFile.set(f, (await ingestFile(path.join(data, dir, f), f)).report);
      }
    }
  }, 60_000);
  const key = (file: string) => byFile.get(file)?.agency_key;

  it('洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024) are one agency', () => {
    expect(byFile.get('hongze-district-government-2023.pdf')).toMatchObject({ agency_printed: '洪泽区人民政府', agency_key: '320813:人民政府', agency_name: '淮安市洪泽区人民政府' });
    expect(byFile.get('hongze-district-government-2024.pdf')).toMatchObject({ agency_printed: '淮安市洪泽区人民政府', agency_key: '320813:人民政府', agency_name: '淮安市洪泽区人民政府' });
  });

  it('上海市人民政府办公厅 2019 and 2025 are one agency', () => {
    expect(key('shanghai-government-office-2019-condensed.html')).toBe('31:政府办公室');
    expect(key('shanghai-government-office-2025.md')).toBe('31:政府办公室');
  });

  it('临淄区科技局 and 临淄区人民政府办公室 stay two agencies', () => {
    expect(byFile.get('000_c5009f74879149c4.txt')).toMatchObject({ agency_printed: '临淄区科技局', agency_key: '370305:科技局' });
    expect(byFile.get('004_7ffb10b0611b3e96.txt')).toMatchObject({ agency_printed: '临淄区人民政府办公室', agency_key: '370305:政府办公室' });
  });

  it('keeps the other agencies apart, the unresolved one marked, and the blank form without an identity', () => {
    const keys = [...byFile.entries()].filter(([f]) => !f.startsWith('pingtan')).map(([, r]) => r.agency_key);
    expect(keys.filter((k) => k !== null).length).toBe(14); // 15 files, the blank form has none
    expect(new Set(keys.filter((k) => k !== null)).size).toBe(12); // 14 reports, two pairs of one agency
    expect(key('anonymized-city-government-2025.html')).toBe('?:测试市人民政府');
    expect(byFile.get('blank-template-2021-format.docx')).toMatchObject({ status: 'blank_form', agency_key: null, agency_name: null });
    expect(byFile.get('shuyang-county-government-2025.txt')).toMatchObject({ agency_printed: '沐阳县人民政府', agency_key: '321322:人民政府', agency_name: '宿迁市沭阳县人民政府' });
  });
});
