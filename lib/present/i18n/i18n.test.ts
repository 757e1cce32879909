import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlLang, parseLang, resolveLang } from './lang';
import { makeTranslate, zhT } from './translate';
import { EN, EN_AREAS } from './en';

const root = path.resolve(__dirname, '../../..');

/** Every .ts/.tsx file under `dir` (no tests, no node_modules). */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

/**
 * The literal keys of `t('…')` / `t("…")` / t(`…` without ${}) calls in a source text; a call with a
 * literal i18next `context` in its options (`t('审核', { context: 'column' })`) yields the key
 * i18next looks up, `审核_column`.
 */
function literalKeys(text: string): string[] {
  const keys: string[] = [];
  const re = /(?<![\w$.])t\(\s*(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\$]|\\.)*)`)(?:\s*,\s*\{[^}]*?\bcontext:\s*['"]([^'"]+)['"])?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[1] ?? m[2] ?? m[3] ?? '';
    const key = raw.replace(/\\(['"`\\])/g, '$1').replace(/\\n/g, '\n');
    keys.push(m[4] ? `${key}_${m[4]}` : key);
  }
  return keys;
}

describe('lang', () => {
  it('parses the URL parameter, cookie and header values', () => {
    expect(parseLang('en')).toBe('en');
    expect(parseLang('EN-us')).toBe('en');
    expect(parseLang('zh-CN')).toBe('zh');
    expect(parseLang('fr')).toBeNull();
    expect(parseLang('')).toBeNull();
  });
  it('prefers the URL, then the cookie, else Chinese', () => {
    expect(resolveLang('en', 'zh')).toBe('en');
    expect(resolveLang(null, 'en')).toBe('en');
    expect(resolveLang('xx', 'en')).toBe('en');
    expect(resolveLang(null, null)).toBe('zh');
    expect(htmlLang('zh')).toBe('zh-CN');
  });
});

describe('translate', () => {
  it('returns the Chinese key itself, variables filled in', () => {
    expect(zhT('共 {{count}} 行', { count: 3 })).toBe('共 3 行');
    expect(zhT('下载 CSV')).toBe('下载 CSV');
  });
  it('uses English entries and English plurals', () => {
    const t = makeTranslate('en', { '共 {{count}} 行_one': '{{count}} row', '共 {{count}} 行_other': '{{count}} rows', '下载 CSV': 'Download CSV' });
    expect(t('下载 CSV')).toBe('Download CSV');
    expect(t('共 {{count}} 行', { count: 1 })).toBe('1 row');
    expect(t('共 {{count}} 行', { count: 12 })).toBe('12 rows');
    expect(t('未翻译：a.b')).toBe('未翻译：a.b');
  });
});

describe('the English dictionary', () => {
  it('has no key whose areas disagree on its English', () => {
    const seen = new Map<string, { area: string; en: string }>();
    const conflicts: string[] = [];
    for (const [area, dict] of Object.entries(EN_AREAS)) {
      for (const [k, v] of Object.entries(dict)) {
        const prev = seen.get(k);
        if (prev && prev.en !== v) conflicts.push(`${k}: ${prev.area} "${prev.en}" vs ${area} "${v}"`);
        else if (!prev) seen.set(k, { area, en: v });
      }
    }
    expect(conflicts).toEqual([]);
  });
  it('has no Chinese in its English texts', () => {
    expect(Object.entries(EN).filter(([, v]) => /[\u3400-\u9fff]/.test(v)).map(([k]) => k)).toEqual([]);
  });
  it('reads the keys of t() calls, with their i18next context', () => {
    expect(literalKeys(`t('审核', { context: 'column' }); t('年度', { n: 1, context: "card" }); t('下载 CSV'); t('共 {{count}} 行', { count })`)).toEqual([
      '审核_column',
      '年度_card',
      '下载 CSV',
      '共 {{count}} 行',
    ]);
  });
  it('has an English entry for every literal t() key in app/ and lib/', () => {
    const missing: string[] = [];
    for (const file of [...sources(path.join(root, 'app')), ...sources(path.join(root, 'lib'))]) {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      for (const key of literalKeys(code)) {
        if (!/[\u3400-\u9fff]/.test(key)) continue;
        const has = key in EN || (`${key}_one` in EN && `${key}_other` in EN) || `${key}_other` in EN;
        if (!has) missing.push(`${path.relative(root, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
