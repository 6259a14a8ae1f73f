import { act, render, screen, waitFor } from '@testing-library/react';
import { View, Text } from '@tarojs/components';
import { taroMock } from '../../../test/mocks/taro';
import { STORAGE_KEYS } from '../../services/storage';
import { saveUser } from '../../services/session';
import {
  CARE_MODE_CLASS,
  CARE_MODE_DOCUMENT_CLASS,
  careModeStore,
  initCareMode,
  reflectCareModeOnDocument,
  setCareMode,
  suggestsCareMode,
  useCareMode,
} from '../careMode';

function Page() {
  const care = useCareMode();
  return (
    <View className={`page ${care.className}`} data-testid="root">
      <Text>{care.suggested ? '建议开启关怀模式' : ''}</Text>
    </View>
  );
}

beforeEach(() => careModeStore.set({ enabled: false, suggested: false, chosen: false }));

describe('关怀模式', () => {
  it('is suggested when WeChat font size is large', () => {
    expect(suggestsCareMode({ fontSizeSetting: 17 })).toBe(false);
    expect(suggestsCareMode({ fontSizeSetting: 22 })).toBe(true);
    expect(suggestsCareMode({ fontSizeScaleFactor: 1.3 })).toBe(true);

    taroMock.getAppBaseInfo.mockReturnValueOnce({ fontSizeSetting: 24, fontSizeScaleFactor: 1.4, language: 'zh_CN' });
    initCareMode();
    render(<Page />);
    expect(screen.getByText('建议开启关怀模式')).toBeInTheDocument();
    expect(screen.getByTestId('root')).not.toHaveClass(CARE_MODE_CLASS);
  });

  it('turns on by choice, gives the page root its class and is remembered', async () => {
    taroMock.storage.set(STORAGE_KEYS.token, 'tok');
    taroMock.request.mockResolvedValue({
      statusCode: 200,
      data: { id: 'u', nickname: null, villageCode: null, phone: null, careMode: true },
    });
    const { unmount } = render(<Page />);
    act(() => setCareMode(true));
    expect(screen.getByTestId('root')).toHaveClass(CARE_MODE_CLASS);
    unmount();
    expect(taroMock.storage.get(STORAGE_KEYS.careMode)).toEqual({ enabled: true, chosen: true });
    // Saved to the profile too, so another phone follows.
    await waitFor(() => expect(taroMock.request).toHaveBeenCalled());
    expect(taroMock.request.mock.calls[0][0]).toMatchObject({
      url: '/api/v1/me',
      method: 'PATCH',
      data: { careMode: true },
    });

    careModeStore.set({ enabled: false, suggested: false, chosen: false });
    initCareMode();
    expect(careModeStore.get().enabled).toBe(true);
  });

  it('marks the document in H5, where the tab bar lives outside the pages, and follows every change', () => {
    const stop = reflectCareModeOnDocument();
    expect(document.documentElement).not.toHaveClass(CARE_MODE_DOCUMENT_CLASS);
    act(() => setCareMode(true));
    expect(document.documentElement).toHaveClass(CARE_MODE_DOCUMENT_CLASS);
    act(() => setCareMode(false));
    expect(document.documentElement).not.toHaveClass(CARE_MODE_DOCUMENT_CLASS);
    stop();
  });

  it('leaves the document alone in WeChat, whose tab bar follows WeChat’s own 关怀模式', () => {
    process.env.TARO_ENV = 'weapp';
    careModeStore.set({ enabled: true, suggested: false, chosen: true });
    reflectCareModeOnDocument()();
    expect(document.documentElement).not.toHaveClass(CARE_MODE_DOCUMENT_CLASS);
  });

  it('follows a profile that has it on, unless chosen on this phone', () => {
    act(() => saveUser({ id: 'u', nickname: null, villageCode: null, phone: null, careMode: true }));
    expect(careModeStore.get().enabled).toBe(true);
  });
});
