import { describe, expect, it } from 'vitest';
import { dashboardHref, reportHref, selectedFlagParam } from './links';

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
});
