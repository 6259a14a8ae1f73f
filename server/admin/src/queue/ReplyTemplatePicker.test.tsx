import { fireEvent, render, screen } from '@testing-library/react';
import type { ReplyTemplate } from '@minqing/shared';
import { appendTemplate, fillTemplate } from '../templates/placeholders';
import { ReplyTemplatePicker } from './ReplyTemplatePicker';

const report = {
  id: '01J0000000000000000000000R',
  serialNo: 'HY20260101-0001',
  villageName: '五一村',
  department: { id: '01J0000000000000000000000D', name: '城关镇供电所' },
  category: null,
};

function template(overrides: Partial<ReplyTemplate>): ReplyTemplate {
  return {
    id: '01J000000000000000000000T1',
    title: '已受理',
    body: '您好！{编号}已由{部门}受理。',
    categoryCode: null,
    categoryName: null,
    regionCode: '610921',
    regionName: '汉阴县',
    enabled: true,
    allowedActions: [],
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function openList() {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: '插入答复模板' }));
}

describe('reply template picker', () => {
  it('loads the templates only when opened, and inserts the chosen one with the report filled in', async () => {
    const load = jest.fn().mockResolvedValue([
      template({
        id: '01J000000000000000000000T2',
        title: '停电抢修',
        body: '{村}停电，{部门}正在抢修（{分类}）。',
        categoryCode: 'power',
        categoryName: '供电',
      }),
      template({}),
    ]);
    const onInsert = jest.fn();
    render(<ReplyTemplatePicker report={report} onInsert={onInsert} load={load} />);
    expect(load).not.toHaveBeenCalled();
    openList();
    expect(load).toHaveBeenCalledWith(report.id);
    expect(await screen.findByText('本类模板')).toBeInTheDocument();
    expect(screen.getByText('通用模板')).toBeInTheDocument();
    fireEvent.click(screen.getByText('停电抢修'));
    // No category on the report: {分类} stays for the handler to fill in by hand.
    expect(onInsert).toHaveBeenCalledWith('五一村停电，城关镇供电所正在抢修（{分类}）。');
    openList();
    fireEvent.click(await screen.findByText('已受理'));
    expect(onInsert).toHaveBeenLastCalledWith('您好！HY20260101-0001已由城关镇供电所受理。');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says when no template fits, and shows the server message when loading fails', async () => {
    const { unmount } = render(
      <ReplyTemplatePicker report={report} onInsert={() => {}} load={jest.fn().mockResolvedValue([])} />,
    );
    openList();
    expect(await screen.findByText('暂无适用的答复模板')).toBeInTheDocument();
    unmount();
    const { ApiError } = jest.requireActual<typeof import('../api')>('../api');
    render(
      <ReplyTemplatePicker
        report={report}
        onInsert={() => {}}
        load={jest.fn().mockRejectedValue(new ApiError(403, 'forbidden', '该事项不在您的管辖范围内'))}
      />,
    );
    openList();
    expect(await screen.findByText('该事项不在您的管辖范围内')).toBeInTheDocument();
  });
});

describe('template text', () => {
  it('keeps what was typed and puts the template on a new line', () => {
    expect(appendTemplate(undefined, '模板')).toBe('模板');
    expect(appendTemplate('  ', '模板')).toBe('模板');
    expect(appendTemplate('已到现场。 \n', '模板')).toBe('已到现场。\n模板');
  });

  it('fills the placeholders it knows and leaves the others alone', () => {
    expect(
      fillTemplate('{编号}{村}{部门}{分类}{其他}', {
        serialNo: 'HY1',
        villageName: '五一村',
        department: null,
        category: { code: 'power', name: '供电' },
      }),
    ).toBe('HY1五一村{部门}供电{其他}');
  });
});
