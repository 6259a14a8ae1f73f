import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../api';
import { CategoryForm } from './CategoryForm';

const power = {
  code: 'power',
  name: '供电',
  parentCode: null,
  tier: 'general' as const,
  responseHours: 24,
  resolveDays: 3,
  departmentKind: 'power',
  sortOrder: 10,
  disabled: false,
};

function open(props: Partial<Parameters<typeof CategoryForm>[0]> = {}) {
  const create = jest.fn().mockResolvedValue({});
  const update = jest.fn().mockResolvedValue({});
  const onDone = jest.fn();
  render(
    <CategoryForm parents={[power]} create={create} update={update} onDone={onDone} onCancel={() => {}} {...props} />,
  );
  return { create, update, onDone };
}

// antd gives each input the id of its field; role and label queries are slow on antd's DOM.
const FIELD_IDS: Record<string, string> = {
  分类代码: 'code',
  分类名称: 'name',
  '响应时限（小时）': 'responseHours',
  '办结时限（工作日）': 'resolveDays',
  默认承办部门类型: 'departmentKind',
};
const field = (label: string) => document.getElementById(FIELD_IDS[label]) as HTMLInputElement;
const save = () => fireEvent.click(screen.getByText(/^保\s*存$/).closest('button')!);

describe('category form', () => {
  it('refuses what the server would refuse, before any request', async () => {
    const { create } = open();
    fireEvent.change(field('分类代码'), { target: { value: 'Road-1' } });
    fireEvent.change(field('响应时限（小时）'), { target: { value: '0' } });
    save();
    expect(await screen.findByText('分类代码只能用小写字母、数字和下划线，以字母开头')).toBeInTheDocument();
    expect(screen.getByText('请填写分类名称')).toBeInTheDocument();
    expect(create).not.toHaveBeenCalled();
  });

  it('sends a new category with blank optional fields as null', async () => {
    const { create, onDone } = open();
    fireEvent.change(field('分类代码'), { target: { value: 'road_damage' } });
    fireEvent.change(field('分类名称'), { target: { value: ' 道路损坏 ' } });
    fireEvent.change(field('办结时限（工作日）'), { target: { value: '15' } });
    save();
    await waitFor(() =>
      expect(create).toHaveBeenCalledWith({
        code: 'road_damage',
        name: '道路损坏',
        parentCode: null,
        tier: 'general',
        responseHours: 24,
        resolveDays: 15,
        departmentKind: null,
        sortOrder: 0,
      }),
    );
    expect(onDone).toHaveBeenCalled();
  });

  it("shows the server's field error in place", async () => {
    const create = jest.fn().mockRejectedValue(new ApiError(409, 'conflict', '该分类代码已存在', 'code'));
    open({ create });
    fireEvent.change(field('分类代码'), { target: { value: 'power' } });
    fireEvent.change(field('分类名称'), { target: { value: '供电' } });
    save();
    expect(await screen.findByText('该分类代码已存在')).toBeInTheDocument();
  });

  it('edits deadlines without touching the code, and clears the department kind', async () => {
    const { update } = open({ category: power });
    expect(field('分类代码')).toBeDisabled();
    fireEvent.change(field('响应时限（小时）'), { target: { value: '2' } });
    const kind = field('默认承办部门类型').closest('.ant-select') as HTMLElement;
    expect(kind).toHaveTextContent('供电');
    fireEvent.mouseDown(kind.querySelector('.ant-select-clear') as HTMLElement);
    save();
    await waitFor(() =>
      expect(update).toHaveBeenCalledWith(
        'power',
        expect.objectContaining({ responseHours: 2, resolveDays: 3, departmentKind: null, parentCode: null }),
      ),
    );
    expect(update.mock.calls[0][1]).not.toHaveProperty('code');
  });

  it('offers the known department kinds in Chinese and sends the chosen code', async () => {
    const { update } = open({ category: { ...power, departmentKind: null } });
    fireEvent.change(field('默认承办部门类型'), { target: { value: '水利' } });
    fireEvent.click(await screen.findByText('水利供水'));
    save();
    await waitFor(() =>
      expect(update).toHaveBeenCalledWith('power', expect.objectContaining({ departmentKind: 'water' })),
    );
  });
});
