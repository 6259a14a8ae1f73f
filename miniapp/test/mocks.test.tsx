import { fireEvent, render, screen } from '@testing-library/react';
import { Button, Input, Switch, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { taroMock } from './mocks/taro';

/** Shows how page tests use the mocks; also keeps the mocks honest. */
describe('Taro mocks', () => {
  it('give Taro-shaped events: onInput → {detail: {value}}', () => {
    const typed: string[] = [];
    const switched: boolean[] = [];
    const taps = jest.fn();
    render(
      <View>
        <Input placeholder="您的姓名" onInput={(event) => typed.push(event.detail.value)} />
        <Textarea placeholder="请描述问题" onInput={(event) => typed.push(event.detail.value)} />
        <Switch checked={false} aria-label="关怀模式" onChange={(event) => switched.push(event.detail.value)} />
        <Button onClick={taps}>提交</Button>
      </View>,
    );
    fireEvent.change(screen.getByPlaceholderText('您的姓名'), { target: { value: '张三' } });
    fireEvent.change(screen.getByPlaceholderText('请描述问题'), { target: { value: '路灯坏了' } });
    fireEvent.click(screen.getByRole('switch'));
    fireEvent.click(screen.getByText('提交'));
    expect(typed).toEqual(['张三', '路灯坏了']);
    expect(switched).toEqual([true]);
    expect(taps).toHaveBeenCalledTimes(1);
  });

  it('run page hooks after mount and keep storage in memory', () => {
    const shown = jest.fn();
    function Page() {
      useDidShow(shown);
      return null;
    }
    render(<Page />);
    expect(shown).toHaveBeenCalledTimes(1);
    Taro.setStorageSync('k', { a: 1 });
    expect(Taro.getStorageSync('k')).toEqual({ a: 1 });
    expect(Taro.getStorageSync('missing')).toBe('');
  });

  it('let a test fire recorder events', () => {
    const stopped = jest.fn();
    const recorder = Taro.getRecorderManager();
    recorder.onStop(stopped);
    taroMock.recorder.emit('stop', { tempFilePath: 'tmp/a.mp3', duration: 3000, fileSize: 9000 });
    expect(stopped).toHaveBeenCalledWith({ tempFilePath: 'tmp/a.mp3', duration: 3000, fileSize: 9000 });
  });
});
