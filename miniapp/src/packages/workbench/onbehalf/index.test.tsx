import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { RegionNode } from '@minqing/shared';
import { taroMock } from '../../../../test/mocks/taro';
import { answer, posts, type RequestCall } from '../../../../test/taroCalls';
import { HOUSEHOLD_ID, REPORT_ID, gridReport, household, signInGridWorker, signInLiaison } from '../testFixtures';
import { fieldDrafts } from '../services/fieldDrafts';
import OnBehalfPage from '.';

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
        children: [{ code: '610921100201', name: '五一村', level: 'village', children: [] }],
      },
    ],
  },
];

function serve() {
  taroMock.request.mockImplementation((call: RequestCall) => {
    if (call.method === 'POST') return answer(201, gridReport());
    if (call.url.includes('/regions')) return answer(200, tree);
    return answer(200, { items: [household()], total: 1, page: 1, pageSize: 20 });
  });
}

describe('代报', () => {
  it('files for a household of the roster with an Idempotency-Key, shows the serial number and opens the report', async () => {
    signInGridWorker();
    serve();
    render(<OnBehalfPage />);
    fireEvent.click(await screen.findByRole('radio', { name: '李大爷' }));
    expect(screen.getByText('代 李大爷 反映，联系电话按住户名册')).toBeInTheDocument();
    fireEvent.input(screen.getByPlaceholderText('什么事、在哪里、多久了'), { target: { value: '门前的路塌了一块' } });
    fireEvent.click(screen.getByRole('button', { name: '提交代报' }));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]).toMatchObject({
      url: expect.stringMatching(/\/staff\/reports$/),
      data: {
        serviceCode: 'direct',
        villageCode: '610921100201',
        text: '门前的路塌了一块',
        onBehalfOf: { name: '李大爷', householdId: HOUSEHOLD_ID },
      },
      header: expect.objectContaining({
        'Idempotency-Key': expect.stringMatching(/^r-/),
        Authorization: 'Bearer staff-token',
      }),
    });
    await waitFor(() =>
      expect(taroMock.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '代报成功', content: expect.stringContaining('HY20261122-0001') }),
      ),
    );
    await waitFor(() =>
      expect(taroMock.redirectTo).toHaveBeenCalledWith({ url: `/packages/workbench/report/index?id=${REPORT_ID}` }),
    );
  });

  it('files for a villager typed in, naming the field the server’s schema refuses', async () => {
    signInGridWorker();
    serve();
    render(<OnBehalfPage />);
    await screen.findByRole('radio', { name: '李大爷' });
    fireEvent.input(screen.getByPlaceholderText('什么事、在哪里、多久了'), { target: { value: '水渠堵了' } });
    fireEvent.click(screen.getByRole('button', { name: '提交代报' }));
    expect(await screen.findByText('请填写群众姓名')).toBeInTheDocument();
    fireEvent.input(screen.getByLabelText('群众姓名'), { target: { value: '王婶' } });
    fireEvent.input(screen.getByLabelText('群众电话'), { target: { value: '1380013' } });
    fireEvent.click(screen.getByRole('button', { name: '提交代报' }));
    expect(await screen.findByText('请输入正确的手机号')).toBeInTheDocument();
    expect(posts()).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('群众电话'), { target: { value: '13800138000' } });
    fireEvent.click(screen.getByRole('button', { name: '提交代报' }));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0].data).toEqual({
      serviceCode: 'direct',
      villageCode: '610921100201',
      text: '水渠堵了',
      onBehalfOf: { name: '王婶', phone: '13800138000' },
    });
  });

  it('tells a 三线 member the serial number without opening a report they cannot see', async () => {
    signInLiaison();
    serve();
    render(<OnBehalfPage />);
    fireEvent.click(await screen.findByRole('radio', { name: '李大爷' }));
    fireEvent.input(screen.getByPlaceholderText('什么事、在哪里、多久了'), { target: { value: '老人药快吃完了' } });
    fireEvent.click(screen.getByRole('button', { name: '提交代报' }));
    await waitFor(() =>
      expect(taroMock.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '代报成功', confirmText: '知道了' }),
      ),
    );
    expect(taroMock.redirectTo).not.toHaveBeenCalled();
  });
  it('shows the server’s refusal and keeps no draft of it, the form still holding what was written', async () => {
    signInGridWorker();
    serve();
    taroMock.request.mockImplementation((call: RequestCall) =>
      call.method === 'POST'
        ? answer(400, { error: { code: 'bad_request', message: '这户不在您负责的范围', field: 'onBehalfOf' } })
        : answer(200, { items: [household()], total: 1, page: 1, pageSize: 20 }),
    );
    render(<OnBehalfPage />);
    fireEvent.click(await screen.findByRole('radio', { name: '李大爷' }));
    fireEvent.input(screen.getByPlaceholderText('什么事、在哪里、多久了'), { target: { value: '门前的路塌了一块' } });
    fireEvent.click(screen.getByRole('button', { name: '提交代报' }));
    expect(await screen.findByText('这户不在您负责的范围')).toBeInTheDocument();
    expect(fieldDrafts.list()).toEqual([]);
    expect(screen.getByPlaceholderText('什么事、在哪里、多久了')).toHaveValue('门前的路塌了一块');
  });
});
