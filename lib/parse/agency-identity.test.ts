/** One identity per agency: the key and display name derived from the resolved divisions. */
import { describe, expect, it } from 'vitest';
import { agencyIdentity, agencyKeyPart, normalizeAgencyName } from './agency-identity';
import { resolveAgency } from './resolve-agency';

const id = (name: string, context = '') => agencyIdentity(name, resolveAgency(name, context));

describe('agencyIdentity', () => {
  it('gives 洪泽区人民政府 and 淮安市洪泽区人民政府 one key and one name', () => {
    expect(id('洪泽区人民政府')).toEqual({ key: '320813:人民政府', name: '淮安市洪泽区人民政府' });
    expect(id('淮安市洪泽区人民政府')).toEqual({ key: '320813:人民政府', name: '淮安市洪泽区人民政府' });
    expect(id('江苏省淮安市洪泽区人民政府')?.key).toBe('320813:人民政府');
  });

  it('keeps two agencies of one division apart by their kind', () => {
    expect(id('临淄区科技局')?.key).toBe('370305:科技局');
    expect(id('临淄区人民政府办公室')?.key).toBe('370305:政府办公室');
    expect(id('临淄区人民政府')?.key).toBe('370305:人民政府');
  });

  it('lets spellings of the same office meet, and keeps printed names apart where the kind does not decide', () => {
    expect(id('上海市人民政府办公厅')).toEqual({ key: '31:政府办公室', name: '上海市人民政府办公厅' });
    expect(id('上海市人民政府办公室')?.key).toBe('31:政府办公室');
    expect(id('上海市科学技术委员会')?.key).toBe(id('上海市科委')?.key);
    expect(id('威海市文登区科学技术局')?.key).toBe(id('文登区科技局')?.key);
    // Two towns of one county, two development zones of one city: the printed name decides.
    expect(id('洪泽区高良涧镇人民政府')?.key).toBe('320813:高良涧镇人民政府');
    expect(id('洪泽区高良涧镇人民政府')?.key).not.toBe(id('洪泽区蒋坝镇人民政府')?.key);
    expect(id('淮安市经济技术开发区管理委员会')?.key).toBe('3208:经济技术开发区管理委员会');
    expect(id('淮安市档案馆')).toEqual({ key: '3208:档案馆', name: '淮安市档案馆' });
  });

  it('names a division chain: city and county, province only where there is no city', () => {
    expect(id('沭阳县人民政府')?.name).toBe('宿迁市沭阳县人民政府');
    expect(id('上海市松江区人民政府')).toEqual({ key: '310117:人民政府', name: '上海市松江区人民政府' });
    expect(id('宿迁市人民政府')).toEqual({ key: '3213:人民政府', name: '宿迁市人民政府' });
  });

  it('keys an unresolved name by its normalized name, marked ?:', () => {
    expect(id('测试市人民政府')).toEqual({ key: '?:测试市人民政府', name: '测试市人民政府' });
    expect(id('测试市 人民政府')?.key).toBe('?:测试市人民政府');
    expect(id('朝阳区人民政府')?.key).toBe('?:朝阳区人民政府');
    expect(id('朝阳区人民政府', '吉林省长春市朝阳区')?.key).toBe('220104:人民政府');
    expect(agencyIdentity('  ', resolveAgency('  '))).toBeNull();
  });

  it('normalizes names and agency parts', () => {
    expect(normalizeAgencyName(' 上海市\u3000科委 ')).toBe('上海市科委');
    expect(agencyKeyPart('科学技术局')).toBe('科技局');
    expect(agencyKeyPart('人民政府办公厅')).toBe('政府办公室');
    expect(agencyKeyPart('某某镇人民政府')).toBe('某某镇人民政府');
  });
});
