import { act, renderHook, waitFor } from '@testing-library/react';
import { taroMock } from '../../../../test/mocks/taro';
import { drafts } from '../../../services/drafts';
import { saveUser } from '../../../services/session';
import { STORAGE_KEYS } from '../../../services/storage';
import { AUTOSAVE_DELAY_MS, useReportDraft } from './useReportDraft';

const VILLAGE = '610921100201';

beforeEach(async () => {
  for (const draft of drafts.list()) await drafts.remove(draft.id);
  taroMock.storage.set(STORAGE_KEYS.token, 'tok');
  saveUser({ id: 'U1', nickname: null, villageCode: VILLAGE, phone: '13800000000', careMode: false });
  taroMock.request.mockImplementation(() => Promise.resolve({ statusCode: 200, data: {}, header: {} }));
});
afterEach(() => jest.useRealTimers());

/** The callback the page registered with a Taro page hook (the jest stand-in does not run them). */
const lastHook = (hook: jest.Mock): (() => void) => hook.mock.calls[hook.mock.calls.length - 1][0];

describe('useReportDraft: the report being written', () => {
  it('starts empty for the service asked, in the village of the profile', () => {
    const { result } = renderHook(() => useReportDraft({ service: 'illegal' }));
    expect(result.current.form).toMatchObject({ serviceCode: 'illegal', villageCode: VILLAGE, text: '', photos: [] });
    expect(result.current.restored).toBe(false);
  });

  it('keeps what is written on the phone after a pause, in one unfinished draft', async () => {
    jest.useFakeTimers();
    const { result } = renderHook(() => useReportDraft({ service: 'direct' }));
    act(() => result.current.change({ text: '路灯不亮' }, ['text']));
    expect(drafts.list()).toHaveLength(0);
    await act(async () => {
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    });
    await waitFor(() => expect(drafts.list()).toHaveLength(1));
    act(() => result.current.change({ text: '路灯不亮，已经三天了' }, ['text']));
    await act(async () => {
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    });
    await waitFor(() => expect(drafts.list()[0]?.text).toBe('路灯不亮，已经三天了'));
    expect(drafts.list()).toHaveLength(1);
    expect(drafts.list()[0]).toMatchObject({ state: 'editing', serviceCode: 'direct', villageCode: VILLAGE });
  });

  it('saves at once when the page is hidden, without waiting for the pause', async () => {
    const { result } = renderHook(() => useReportDraft({ service: 'direct' }));
    act(() => result.current.addPhotos(['wxfile://tmp/a.jpg']));
    await act(async () => lastHook(taroMock.useDidHide as jest.Mock)());
    expect(drafts.list()).toEqual([
      expect.objectContaining({
        state: 'editing',
        photos: [expect.objectContaining({ sourcePath: 'wxfile://tmp/a.jpg' })],
      }),
    ]);
  });

  it('reopens an unfinished draft of the same service, and 清空重写 drops it after asking', async () => {
    await drafts.create({ serviceCode: 'direct', villageCode: VILLAGE, text: '上次没写完的', photos: [] }, 'editing');
    const { result } = renderHook(() => useReportDraft({ service: 'direct' }));
    expect(result.current.restored).toBe(true);
    expect(result.current.form.text).toBe('上次没写完的');

    await act(() => result.current.clearAll());
    expect(taroMock.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '清空重写' }));
    expect(drafts.list()).toHaveLength(0);
    expect(result.current.form).toMatchObject({ text: '', villageCode: VILLAGE });
    expect(result.current.restored).toBe(false);
  });

  it('asks for some content before sending anything', async () => {
    const { result } = renderHook(() => useReportDraft({ service: 'direct' }));
    await act(() => result.current.submit());
    expect(result.current.errors.voice).toBeTruthy();
    expect(drafts.list()).toHaveLength(0);
    expect(taroMock.request).not.toHaveBeenCalledWith(expect.objectContaining({ method: 'POST' }));
  });
});
