import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { taroMock } from '../../../test/mocks/taro';
import VoiceRecorder, { type VoiceClip } from '.';
import {
  MIC_DENIED_MESSAGE,
  MP3_OPTIONS,
  resetRecorderBackends,
  type RecorderBackend,
  type RecorderListener,
} from './recorderBackend';
import { TOO_SHORT_MESSAGE } from './recorderMachine';

/** A recorder the test drives by hand. */
class FakeBackend implements RecorderBackend {
  transcribes = false;
  started: number[] = [];
  stopped: number[] = [];
  listener: RecorderListener | null = null;
  start = (session: number) => void this.started.push(session);
  stop = (session: number) => void this.stopped.push(session);
  listen = (listener: RecorderListener) => {
    this.listener = listener;
    return () => undefined;
  };
}

function Harness({ backend, initial = null }: { backend?: RecorderBackend; initial?: VoiceClip | null }) {
  const [value, setValue] = useState<VoiceClip | null>(initial);
  return (
    <>
      <VoiceRecorder value={value} onChange={setValue} backend={backend} />
      <output data-testid="value">{value ? JSON.stringify(value) : 'none'}</output>
    </>
  );
}

const button = () => screen.getByRole('button', { name: '按住说话，松开结束' });
const touch = (y: number) => ({ touches: [{ clientY: y }], changedTouches: [{ clientY: y }] });

let now = 1_000_000;
beforeEach(() => {
  now = 1_000_000;
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  resetRecorderBackends();
});
afterEach(() => {
  jest.restoreAllMocks();
  process.env.TARO_ENV = 'h5';
});

describe('VoiceRecorder', () => {
  it('says what it does: releasing finishes the recording, the page button sends it', () => {
    render(<Harness backend={new FakeBackend()} />);
    expect(button()).toHaveTextContent('按住说话，松开结束');
    expect(screen.getByText('最长 60 秒，录好后点「提交」发出')).toBeInTheDocument();
    expect(screen.queryByText(/松开发送/)).not.toBeInTheDocument();
  });

  it('after recording, says the clip has not been sent yet', () => {
    render(<Harness backend={new FakeBackend()} initial={{ localPath: 'tmp/a.mp3', durationSeconds: 4 }} />);
    expect(screen.getByText('录好了，还没有发出：点「提交」才会发给工作人员')).toBeInTheDocument();
  });

  it('in WeChat: press records mp3 16 kHz mono for at most 60 s and vibrates; release keeps the clip', async () => {
    process.env.TARO_ENV = 'weapp';
    render(<Harness />);
    fireEvent.touchStart(button(), touch(500));
    expect(taroMock.vibrateShort).toHaveBeenCalled();
    expect(screen.getByText('松开结束，上滑取消')).toBeInTheDocument();
    // The microphone permission is checked first, then recording starts.
    await waitFor(() => expect(taroMock.recorder.start).toHaveBeenCalledWith({ ...MP3_OPTIONS, duration: 60_000 }));
    expect(MP3_OPTIONS).toEqual({ format: 'mp3', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000 });
    act(() => taroMock.recorder.emit('start'));

    now += 3200;
    fireEvent.touchEnd(button(), touch(500));
    expect(taroMock.recorder.stop).toHaveBeenCalled();
    act(() => taroMock.recorder.emit('stop', { tempFilePath: 'wxfile://tmp/a.mp3', duration: 3200, fileSize: 19000 }));

    expect(screen.getByRole('button', { name: '播放录音' })).toHaveTextContent('▶ 播放 0:03');
    expect(JSON.parse(screen.getByTestId('value').textContent ?? '')).toEqual({
      localPath: 'wxfile://tmp/a.mp3',
      durationSeconds: 3,
    });
    // No WechatSI here: the voice goes alone, without a transcript box.
    expect(screen.queryByText('识别出的文字（可以修改）')).not.toBeInTheDocument();
  });

  it('shows the live timer while recording', () => {
    jest.useFakeTimers({ doNotFake: ['Date'] });
    render(<Harness backend={new FakeBackend()} />);
    fireEvent.touchStart(button(), touch(500));
    now += 7300;
    act(() => jest.advanceTimersByTime(250));
    expect(screen.getByText('0:07')).toBeInTheDocument();
    jest.useRealTimers();
  });

  it('slide up shows 松开手指，取消录音 and releasing there keeps nothing', () => {
    const backend = new FakeBackend();
    render(<Harness backend={backend} />);
    fireEvent.touchStart(button(), touch(500));
    now += 2000;
    fireEvent.touchMove(button(), touch(400));
    expect(button()).toHaveTextContent('松开手指，取消录音');
    fireEvent.touchEnd(button(), touch(400));
    expect(backend.stopped).toEqual([1]);
    act(() => backend.listener?.stopped(1, { path: 'tmp/cancelled.mp3', durationMs: 2000 }));
    expect(screen.getByTestId('value')).toHaveTextContent('none');
    expect(screen.getByText('已取消，可以重新按住说话')).toBeInTheDocument();
  });

  it('a tap that is too short says so', () => {
    const backend = new FakeBackend();
    render(<Harness backend={backend} />);
    fireEvent.touchStart(button(), touch(500));
    now += 300;
    fireEvent.touchEnd(button(), touch(500));
    expect(screen.getByText(TOO_SHORT_MESSAGE)).toBeInTheDocument();
    expect(screen.getByTestId('value')).toHaveTextContent('none');
  });

  it('a refused microphone is explained', () => {
    const backend = new FakeBackend();
    render(<Harness backend={backend} />);
    fireEvent.touchStart(button(), touch(500));
    act(() => backend.listener?.failed(1, MIC_DENIED_MESSAGE));
    expect(screen.getByText(MIC_DENIED_MESSAGE)).toBeInTheDocument();
  });

  it('replays the clip and records again after confirming', async () => {
    render(<Harness backend={new FakeBackend()} initial={{ localPath: 'tmp/a.mp3', durationSeconds: 5 }} />);
    fireEvent.click(screen.getByRole('button', { name: '播放录音' }));
    expect(taroMock.audio.play).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: '停止播放' })).toHaveTextContent('■ 停止 0:05');

    fireEvent.click(screen.getByText('重新录'));
    await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent('none'));
    expect(taroMock.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '重新录音会删掉刚才这段，确定吗？' }),
    );
    expect(button()).toBeInTheDocument();
  });

  it('with WechatSI the transcript appears and can be edited', () => {
    const backend = new FakeBackend();
    backend.transcribes = true;
    render(<Harness backend={backend} />);
    fireEvent.touchStart(button(), touch(500));
    now += 4000;
    fireEvent.touchEnd(button(), touch(500));
    act(() => backend.listener?.stopped(1, { path: 'tmp/si.mp3', durationMs: 4000, transcript: '村口路灯坏了' }));

    const box = screen.getByDisplayValue('村口路灯坏了');
    fireEvent.change(box, { target: { value: '村口的路灯坏了三天了' } });
    expect(JSON.parse(screen.getByTestId('value').textContent ?? '')).toEqual({
      localPath: 'tmp/si.mp3',
      durationSeconds: 4,
      transcript: '村口的路灯坏了三天了',
    });
  });

  it('uses the WechatSI recognition manager in WeChat when the plugin is declared', async () => {
    process.env.TARO_ENV = 'weapp';
    const manager = { start: jest.fn(), stop: jest.fn(), onStart: null, onStop: null, onError: null } as {
      start: jest.Mock;
      stop: jest.Mock;
      onStart: (() => void) | null;
      onStop: ((result: { tempFilePath: string; duration: number; result?: string }) => void) | null;
      onError: ((result: { msg?: string }) => void) | null;
    };
    (taroMock.requirePlugin as jest.Mock).mockImplementationOnce(() => ({
      getRecordRecognitionManager: () => manager,
    }));
    render(<Harness />);
    fireEvent.touchStart(button(), touch(500));
    await waitFor(() => expect(manager.start).toHaveBeenCalledWith({ duration: 60_000, lang: 'zh_CN' }));
    now += 2500;
    fireEvent.touchEnd(button(), touch(500));
    expect(manager.stop).toHaveBeenCalled();
    act(() => manager.onStop?.({ tempFilePath: 'wxfile://tmp/si.mp3', duration: 2500, result: '水管爆了' }));
    expect(screen.getByDisplayValue('水管爆了')).toBeInTheDocument();
  });
});
