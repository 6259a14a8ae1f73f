import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ActionModal } from './ActionModal';
import { templatesApi } from '../templates/templatesApi';

jest.mock('../templates/templatesApi', () => ({ templatesApi: { forReport: jest.fn() } }));

const report = {
  id: '01J0000000000000000000000R',
  serialNo: 'HY20260101-0001',
  suggestions: [],
  villageName: '五一村',
  department: null,
  category: null,
};
const template = {
  id: '01J000000000000000000000T1',
  title: '已办结',
  body: '您反映的{村}问题已办理完毕。',
  categoryCode: null,
  categoryName: null,
  regionCode: '610921',
  regionName: '汉阴县',
  enabled: true,
  allowedActions: [],
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('reply templates in the action form', () => {
  it('puts the chosen template after the typed reply, which is then sent', async () => {
    jest.mocked(templatesApi.forReport).mockResolvedValue([template]);
    const submit = jest.fn().mockResolvedValue({});
    render(
      <ActionModal
        report={report}
        action="reply"
        departments={[]}
        categories={[]}
        onDone={() => {}}
        onCancel={() => {}}
        submit={submit}
      />,
    );
    fireEvent.change(screen.getByPlaceholderText('请填写答复内容'), { target: { value: '已安排电工到场。' } });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '插入答复模板' }));
    fireEvent.click(await screen.findByText('已办结', {}, { timeout: 5000 }));
    expect(screen.getByPlaceholderText('请填写答复内容')).toHaveValue(
      '已安排电工到场。\n您反映的五一村问题已办理完毕。',
    );
    fireEvent.click(screen.getByRole('button', { name: /确认答复/ }));
    await waitFor(() =>
      expect(submit).toHaveBeenCalledWith(report.id, {
        action: 'reply',
        note: '已安排电工到场。\n您反映的五一村问题已办理完毕。',
      }),
    );
  });

  it('offers no templates for actions that do not answer the citizen', () => {
    render(
      <ActionModal
        report={report}
        action="return"
        departments={[]}
        categories={[]}
        onDone={() => {}}
        onCancel={() => {}}
        submit={jest.fn()}
      />,
    );
    expect(screen.queryByRole('combobox', { name: '插入答复模板' })).not.toBeInTheDocument();
  });
});
