/**
 * The translator's cache of texts without variables (translate.ts translatorOf): it answers what
 * i18next answers, and forgets when the instance's resources or language change.
 */
import { describe, expect, it } from 'vitest';
import { makeI18n, translatorOf } from './translate';
import { EN } from './en';

describe('translatorOf caches texts without variables and forgets them when the dictionary changes', () => {
  it('answers as i18next does, before and after an added resource and a language change', async () => {
    const instance = makeI18n('en', { '下载 CSV': 'Download CSV' });
    const t = translatorOf(instance);
    expect(t('下载 CSV')).toBe('Download CSV');
    expect(t('下载 CSV')).toBe('Download CSV'); // from the cache
    expect(t('上一页')).toBe('上一页'); // no English yet: the key
    instance.addResourceBundle('en', 'translation', { 上一页: 'Previous' }, true, true);
    expect(t('上一页')).toBe('Previous');
    await instance.changeLanguage('zh');
    expect(t('下载 CSV')).toBe('下载 CSV');
    expect(t('共 {{count}} 行', { count: 3 })).toBe('共 3 行');
  });

  it('caches a text with variables by its variables: each count and name gets its own text, plurals included', () => {
    const t = translatorOf(makeI18n('en', { '共 {{count}} 行_one': '{{count}} row', '共 {{count}} 行_other': '{{count}} rows', '比较 {{name}}': 'Compare {{name}}' }));
    for (let round = 0; round < 2; round++) {
      expect(t('共 {{count}} 行', { count: 1 })).toBe('1 row');
      expect(t('共 {{count}} 行', { count: 3 })).toBe('3 rows');
      expect(t('比较 {{name}}', { name: '淮安市人民政府' })).toBe('Compare 淮安市人民政府');
      expect(t('比较 {{name}}', { name: '宿迁市人民政府' })).toBe('Compare 宿迁市人民政府');
    }
  });

  it('gives the real English dictionary’s text for every key, cached or not', () => {
    const t = translatorOf(makeI18n('en', EN));
    const keys = Object.keys(EN).filter((k) => !k.includes('{{')).slice(0, 200);
    const first = keys.map((k) => t(k));
    expect(keys.map((k) => t(k))).toEqual(first);
    const plain = makeI18n('en', EN);
    expect(first).toEqual(keys.map((k) => plain.t(k)));
    expect(first.filter((x, i) => x !== keys[i]).length).toBeGreaterThan(150); // English, not the keys
  });
});
