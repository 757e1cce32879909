import { describe, expect, it } from 'vitest';
import { agencyHref, dashboardHref, reportHref, selectedFlagParam } from './links';

describe('links between the dashboard and report pages', () => {
  it('a report link carries the flag and the dashboard state, and the way back restores it', () => {
    const back = new URLSearchParams('view=review&agency=运城市科学技术局&rule=CELL_INFERRED&status=open&evil=1');
    const href = reportHref('c0d392a57191d65c', { flag: '435fdabe51f789c0', back })!;
    expect(href.startsWith('/report/c0d392a57191d65c?flag=435fdabe51f789c0&back=')).toBe(true);
    const page = new URLSearchParams(href.split('?')[1]);
    expect(selectedFlagParam(page)).toBe('435fdabe51f789c0');
    const home = dashboardHref(page);
    expect(home.startsWith('/?')).toBe(true);
    const p = new URLSearchParams(home.slice(2));
    expect([...p]).toEqual([
      ['view', 'review'],
      ['agency', '运城市科学技术局'],
      ['rule', 'CELL_INFERRED'],
      ['status', 'open'],
    ]);
  });
  it('refuses malformed ids and flags; no back means the dashboard root', () => {
    expect(reportHref('../../etc/passwd')).toBeNull();
    expect(reportHref('c0d392a57191d65c-2')).toBe('/report/c0d392a57191d65c-2');
    expect(reportHref('c0d392a57191d65c', { flag: 'javascript:x' })).toBe('/report/c0d392a57191d65c');
    expect(dashboardHref(new URLSearchParams(''))).toBe('/');
    expect(dashboardHref(new URLSearchParams('back=' + encodeURIComponent('//evil.example/x')))).toBe('/');
    expect(selectedFlagParam(new URLSearchParams('flag=zz'))).toBeNull();
  });
  it('an agency link encodes the key, carries the dashboard state, and the way back restores it', () => {
    // 淮安市洪泽区人民政府's key in data/build/reports.csv (洪泽区 2023 and 2024 share it).
    const key = '320813:人民政府';
    expect(agencyHref(key)).toBe('/agency/320813%3A%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C');
    const back = new URLSearchParams('view=applications&region=江苏省&evil=1');
    // The filters and choices the dashboard keeps in its URL since issue 9 survive the round trip.
    const full = new URLSearchParams('view=applications&type=人民政府&level=县&group=province&sort=new_received:desc');
    expect(dashboardHref(new URLSearchParams(agencyHref(key, full)!.split('?')[1]))).toBe(`/?${full}`);
    const href = agencyHref(key, back)!;
    const [pathPart, query] = href.split('?');
    expect(decodeURIComponent(pathPart.slice('/agency/'.length))).toBe(key);
    const page = new URLSearchParams(query);
    expect([...page.keys()]).toEqual(['back']);
    expect(dashboardHref(page)).toBe('/?view=applications&region=%E6%B1%9F%E8%8B%8F%E7%9C%81');
    // An unresolved agency's key (?:name) and a key with a slash stay one path segment.
    expect(agencyHref('?:平潭综合实验区公安局')).toBe(`/agency/${encodeURIComponent('?:平潭综合实验区公安局')}`);
    expect(agencyHref('a/b')).toBe('/agency/a%2Fb');
    // An empty back adds nothing; no key, no link.
    expect(agencyHref(key, new URLSearchParams('evil=1'))).toBe(agencyHref(key));
    expect(agencyHref('')).toBeNull();
    expect(agencyHref(null)).toBeNull();
    expect(agencyHref(undefined, back)).toBeNull();
    expect(agencyHref('x'.repeat(201))).toBeNull();
  });
});
