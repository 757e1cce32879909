/**
 * proxy.ts's plain-text refusals (issue 10): the Chinese sentence first and unchanged (the browser
 * suite hygiene and app/_lib/security-policy.ts's own test read it), then the English one on its
 * own line; OPTIONS keeps no body.
 */
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '../../proxy';
import { methodNotAllowed } from '../../app/_lib/security-policy';

describe('proxy refusals in Chinese, then English', () => {
  it('405: the Chinese sentence of methodNotAllowed, then its English', async () => {
    const r = proxy(new NextRequest('http://localhost/report/x', { method: 'DELETE' }));
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, HEAD');
    const [zh, en, ...rest] = (await r.text()).split('\n');
    expect(zh).toBe(methodNotAllowed('DELETE')!.body);
    expect(en).toBe('This site accepts only GET and HEAD requests (received DELETE): the dashboard serves pages and data files and accepts no submissions. Open the page in a browser.');
    expect(rest).toEqual([]);
  });
  it('404 for an undecodable path: the Chinese sentence, then the English', async () => {
    const r = proxy(new NextRequest('http://localhost/report/%E0%A4%A'));
    expect(r.status).toBe(404);
    const body = await r.text();
    expect(body.startsWith('地址中的百分号编码不完整或不是 UTF-8，找不到这个页面或文件。请从看板上的链接打开。\n')).toBe(true);
    expect(body.split('\n')[1]).toMatch(/^The percent-encoding in the address is incomplete or not UTF-8.*\.$/);
  });
  it('OPTIONS: 204 without a body', async () => {
    const r = proxy(new NextRequest('http://localhost/', { method: 'OPTIONS' }));
    expect(r.status).toBe(204);
    expect(await r.text()).toBe('');
  });
});
