import { fireEvent, render, screen } from '@testing-library/react';
import { taroMock } from '../../../../test/mocks/taro';
import { answer } from '../../../../test/taroCalls';
import { HOUSEHOLD_ID, signInLiaison } from '../testFixtures';
import VisitsPage from '.';

type Call = { url: string; header?: Record<string, string> };
const VISIT = {
  id: '01M81KNHEEZY3C4PCQ1HHZPW50',
  household: { id: HOUSEHOLD_ID, headName: '李大爷', address: '五一村一组 12 号', gridCode: '610921100201001' },
  visitor: { id: '01J000000000000000000000L1', name: '陈三线' },
  note: '送去了冬衣，老人身体还好',
  photoUploadIds: ['01M81KNHEEZY3C4PCQ1HHZPW30'],
  visitedAt: '2026-11-20T02:00:00.000Z',
};

describe('走访记录', () => {
  it('lists the visits of my scope and opens the household visited', async () => {
    signInLiaison();
    taroMock.request.mockImplementation(() => answer(200, { items: [VISIT], total: 1, page: 1, pageSize: 20 }));
    render(<VisitsPage />);
    expect(await screen.findByText('送去了冬衣，老人身体还好')).toBeInTheDocument();
    expect(screen.getByText('走访人 陈三线 · 1 张照片')).toBeInTheDocument();
    const call = taroMock.request.mock.calls[0][0] as Call;
    expect(call.url).toMatch(/\/staff\/visits\?page=1&pageSize=20$/);
    expect(call.header).toMatchObject({ Authorization: 'Bearer staff-token' });
    fireEvent.click(screen.getByText('李大爷'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({
      url: `/packages/workbench/household/index?id=${HOUSEHOLD_ID}&name=${encodeURIComponent('李大爷')}&grid=610921100201001&address=${encodeURIComponent('五一村一组 12 号')}`,
    });
  });

  it('says what to do when nothing was visited yet', async () => {
    signInLiaison();
    taroMock.request.mockImplementation(() => answer(200, { items: [], total: 0, page: 1, pageSize: 20 }));
    render(<VisitsPage />);
    expect(await screen.findByText('还没有走访记录')).toBeInTheDocument();
    expect(screen.getByText('在「我的住户」里选一户，记录走访')).toBeInTheDocument();
  });
});
