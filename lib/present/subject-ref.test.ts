import { describe, expect, it } from 'vitest';
import { isReportId, parseSubject, parseSubjectRef } from './subject-ref';

describe('parseSubjectRef (the subject references the rules write)', () => {
  it('reads cells, tables, passages, the date and sections', () => {
    expect(parseSubjectRef('t3.granted.natural_person')).toEqual({ kind: 'cell', ref: 't3.granted.natural_person', table: 't3', row: 'granted', column: 'natural_person', report: null });
    expect(parseSubjectRef('t2')).toEqual({ kind: 'table', ref: 't2', table: 't2', report: null });
    expect(parseSubjectRef('text:120-180')).toEqual({ kind: 'text', ref: 'text:120-180', start: 120, end: 180 });
    expect(parseSubjectRef('published_on')).toEqual({ kind: 'published_on', ref: 'published_on' });
    expect(parseSubjectRef('agency')).toEqual({ kind: 'agency', ref: 'agency' });
    expect(parseSubjectRef('section.problems')).toEqual({ kind: 'section', ref: 'section.problems', section: 'problems' });
  });
  it('reads a cell of another report (CARRYOVER_CONTINUITY)', () => {
    expect(parseSubjectRef('5f1f485ee573df5d:t3.carried_forward.total')).toMatchObject({ kind: 'cell', report: '5f1f485ee573df5d', row: 'carried_forward' });
    expect(parseSubjectRef('5f1f485ee573df5d-2:t3.carried_forward.total')).toMatchObject({ kind: 'cell', report: '5f1f485ee573df5d-2' });
  });
  it('keeps what it cannot read as unknown', () => {
    for (const s of ['t9.x.y', 'text:9-3', 'nothex:t3.a.b', 't3.a', 'region']) expect(parseSubjectRef(s).kind, s).toBe('unknown');
  });
  it('splits a flags.csv subject field', () => {
    expect(parseSubject('t3.new_received.total;text:5-9').map((s) => s.kind)).toEqual(['cell', 'text']);
    expect(parseSubject(null)).toEqual([]);
    expect(parseSubject('')).toEqual([]);
  });
  it('recognizes report ids (16 hex digits, -N for a copy)', () => {
    expect(isReportId('c0d392a57191d65c')).toBe(true);
    expect(isReportId('c0d392a57191d65c-2')).toBe(true);
    expect(isReportId('../etc/passwd')).toBe(false);
    expect(isReportId('C0D392A57191D65C')).toBe(false);
  });
});
