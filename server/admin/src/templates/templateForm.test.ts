import type { RegionNode } from '@minqing/shared';
import { buildTemplateInput, categoryOptions, templateRegionOptions } from './templateForm';

const tree: RegionNode[] = [
  {
    code: '610921',
    name: '汉阴县',
    level: 'county',
    children: [
      {
        code: '610921100',
        name: '城关镇',
        level: 'township',
        children: [
          {
            code: '610921100201',
            name: '五一村',
            level: 'village',
            children: [{ code: '610921100201001', name: '第一网格', level: 'grid', children: [] }],
          },
        ],
      },
      { code: '610921101', name: '涧池镇', level: 'township', children: [] },
    ],
  },
];

describe('reply template form', () => {
  it('sends a general template with a null category and trimmed text', () => {
    expect(
      buildTemplateInput({ title: ' 已受理 ', body: ' 您好 ', categoryCode: '', regionCode: '610921100' }),
    ).toEqual({
      ok: true,
      input: { title: '已受理', body: '您好', categoryCode: null, regionCode: '610921100', enabled: true },
    });
  });

  it('names every missing field before anything is sent', () => {
    const checked = buildTemplateInput({ title: ' ', body: '' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual(
      expect.arrayContaining([
        { field: 'title', message: '请填写模板标题' },
        { field: 'body', message: '请填写模板内容' },
        { field: 'regionCode', message: '请选择适用范围' },
      ]),
    );
  });

  it('offers a township dispatcher the township and its villages, without grids or other townships', () => {
    expect(templateRegionOptions(tree, '610921100')).toEqual([
      { value: '610921100', title: '城关镇', children: [{ value: '610921100201', title: '五一村' }] },
    ]);
    expect(templateRegionOptions(tree, '610921')[0].children?.map((option) => option.title)).toEqual([
      '城关镇',
      '涧池镇',
    ]);
    expect(templateRegionOptions(tree, '999')).toEqual([]);
  });

  it('names a child category after its parent', () => {
    const base = { tier: 'general' as const, responseHours: 24, resolveDays: 3 };
    expect(
      categoryOptions([
        { code: 'power', name: '供电', parentCode: null, ...base },
        { code: 'power_outage', name: '停电', parentCode: 'power', ...base },
      ]),
    ).toEqual([
      { value: 'power', label: '供电' },
      { value: 'power_outage', label: '供电 · 停电' },
    ]);
  });
});
