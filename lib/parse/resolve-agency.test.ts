/** Who published a report: division resolution with the 民政部 list, aliases, agency kinds. */
import { describe, expect, it } from 'vitest';
import { applyDivisionAliases } from './division-aliases';
import { agencyTypeOf, resolveAgency } from './resolve-agency';

describe('resolveAgency', () => {
  it('resolves a county-level agency with or without its city in the name', () => {
    const full = resolveAgency('淮安市洪泽区人民政府');
    expect(full).toMatchObject({ province: '江苏省', city: '淮安市', county: '洪泽区', level: '县', agencyType: '人民政府', resolved: true });
    expect(resolveAgency('洪泽区人民政府')).toMatchObject({ province: '江苏省', city: '淮安市', county: '洪泽区', level: '县' });
  });

  it('gives a city its level and a municipality level 省 with no city', () => {
    expect(resolveAgency('淮安市人民政府')).toMatchObject({ province: '江苏省', city: '淮安市', county: null, level: '市' });
    expect(resolveAgency('上海市人民政府办公厅')).toMatchObject({ province: '上海市', city: null, county: null, level: '省', agencyType: '政府办公室' });
    expect(resolveAgency('上海市科委')).toMatchObject({ province: '上海市', level: '省', agencyType: '科技局' });
    expect(resolveAgency('上海市松江区人民政府')).toMatchObject({ province: '上海市', city: null, county: '松江区', level: '县' });
  });

  it('settles a name shared by several divisions from the text, and otherwise says it cannot', () => {
    const alone = resolveAgency('朝阳区人民政府');
    expect(alone.resolved).toBe(false);
    expect(alone.reason).toContain('多个同名');
    expect(resolveAgency('朝阳区人民政府', '长春市朝阳区人民政府办公室，吉林省长春市……')).toMatchObject({ province: '吉林省', city: '长春市', county: '朝阳区' });
    expect(resolveAgency('北京市朝阳区人民政府')).toMatchObject({ province: '北京市', county: '朝阳区' });
  });

  it('keeps an unknown name unresolved, with its kind still read from the ending', () => {
    const r = resolveAgency('测试市人民政府');
    expect(r).toMatchObject({ province: null, city: null, county: null, level: null, agencyType: '人民政府', resolved: false });
    expect(r.reason).toContain('测试市人民政府');
  });

  it('reads the kind of agency from the name ending', () => {
    expect(agencyTypeOf('科学技术局')).toBe('科技局');
    expect(agencyTypeOf('人民政府办公室')).toBe('政府办公室');
    expect(agencyTypeOf('某某镇人民政府')).toBe('乡镇人民政府');
    expect(agencyTypeOf('卫生健康委员会')).toBe('卫生健康委');
    expect(agencyTypeOf('档案馆')).toBeNull();
  });
});

describe('applyDivisionAliases', () => {
  it('corrects 沐阳 to 沭阳 and leaves correct names alone', () => {
    expect(applyDivisionAliases('沐阳县人民政府')).toMatchObject({ name: '沭阳县人民政府' });
    expect(resolveAgency(applyDivisionAliases('沐阳县人民政府').name)).toMatchObject({ city: '宿迁市', county: '沭阳县' });
    expect(applyDivisionAliases('沭阳县人民政府')).toEqual({ name: '沭阳县人民政府', applied: [] });
  });
});
