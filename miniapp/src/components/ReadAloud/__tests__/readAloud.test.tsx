import { act, fireEvent, render, screen } from '@testing-library/react';
import { taroMock } from '../../../../test/mocks/taro';
import ReadAloud from '../index';
import { BROWSER_SPEECH_FAILED, UNAVAILABLE_IN_BROWSER, UNAVAILABLE_IN_WECHAT, splitForSpeech } from '../speech';

const TEXT = '村务公开：五一村村级财务收支情况公开。根据村务公开有关规定，现将本村上季度财务收支情况公开如下。';

class Utterance {
  lang = '';
  rate = 1;
  voice: unknown = null;
  onend: (() => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

function installWebSpeech() {
  const spoken: Utterance[] = [];
  const synth = {
    speak: jest.fn((utterance: Utterance) => spoken.push(utterance)),
    cancel: jest.fn(),
    getVoices: () => [{ lang: 'zh-CN', name: '中文' }],
  };
  Object.assign(window, { speechSynthesis: synth, SpeechSynthesisUtterance: Utterance });
  return { synth, spoken };
}

afterEach(() => {
  delete (window as { speechSynthesis?: unknown }).speechSynthesis;
  delete (window as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
});

describe('ReadAloud', () => {
  it('in a browser without speech: says so plainly, and tapping does nothing harmful', () => {
    render(<ReadAloud text={TEXT} />);
    expect(screen.getByRole('alert')).toHaveTextContent(UNAVAILABLE_IN_BROWSER);
    const button = screen.getByRole('button', { name: /读给我听/ });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveTextContent('当前无法朗读');
    fireEvent.click(button);
    expect(screen.getByRole('alert')).toBeInTheDocument();
  });

  it('in WeChat without the WechatSI plugin: says so plainly', () => {
    process.env.TARO_ENV = 'weapp';
    // The mock's requirePlugin throws, as WeChat does for an undeclared plugin.
    render(<ReadAloud text={TEXT} />);
    expect(taroMock.requirePlugin).toHaveBeenCalledWith('WechatSI');
    expect(screen.getByRole('alert')).toHaveTextContent(UNAVAILABLE_IN_WECHAT);
  });

  it('in a browser: speaks Chinese, slowly, and stops on a second tap', () => {
    const { synth, spoken } = installWebSpeech();
    render(<ReadAloud text={TEXT} />);
    fireEvent.click(screen.getByRole('button', { name: /读给我听/ }));
    expect(synth.speak).toHaveBeenCalled();
    expect(spoken.map((utterance) => utterance.text).join('')).toBe(TEXT.replace(/\s/g, ''));
    expect(spoken.every((utterance) => utterance.lang === 'zh-CN' && utterance.rate < 1)).toBe(true);
    expect(screen.getByRole('button', { name: /停止朗读/ })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /停止朗读/ }));
    expect(synth.cancel).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: /读给我听/ })).toBeInTheDocument();
  });

  it('in a browser: returns to 读给我听 at the end, and explains a failure', () => {
    const { spoken } = installWebSpeech();
    render(<ReadAloud text={TEXT} />);
    fireEvent.click(screen.getByRole('button', { name: /读给我听/ }));
    act(() => spoken.at(-1)?.onend?.());
    expect(screen.getByRole('button', { name: /读给我听/ })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /读给我听/ }));
    act(() => spoken.at(-1)?.onerror?.({ error: 'synthesis-failed' }));
    expect(screen.getByRole('alert')).toHaveTextContent(BROWSER_SPEECH_FAILED);
  });

  it('in WeChat with WechatSI: synthesises each piece and plays it, then stops cleanly', async () => {
    process.env.TARO_ENV = 'weapp';
    const textToSpeech = jest.fn((options: { content: string; success: (result: { filename: string }) => void }) =>
      options.success({ filename: `https://tts.example/${options.content.length}.mp3` }),
    );
    const requirePlugin = taroMock.requirePlugin as jest.Mock;
    requirePlugin.mockImplementation(() => ({ textToSpeech }));
    try {
      render(<ReadAloud text={TEXT} label="听通知" big />);
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: /听通知/ }));
      });
      expect(textToSpeech).toHaveBeenCalledWith(expect.objectContaining({ lang: 'zh_CN', tts: true }));
      expect(taroMock.audio.play).toHaveBeenCalledTimes(1);
      expect(screen.getByRole('button', { name: /停止朗读/ })).toBeInTheDocument();
      await act(async () => taroMock.audio.emit('ended'));
      expect(screen.getByRole('button', { name: /听通知/ })).toBeInTheDocument();

      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: /听通知/ }));
      });
      fireEvent.click(screen.getByRole('button', { name: /停止朗读/ }));
      expect(taroMock.audio.stop).toHaveBeenCalled();
    } finally {
      taroMock.requirePlugin.mockImplementation(() => {
        throw new Error('plugin not declared');
      });
    }
  });
});

describe('splitForSpeech', () => {
  it('cuts after sentences and keeps every character', () => {
    const long = `${'这是一句话，'.repeat(40)}。第二句。`;
    const pieces = splitForSpeech(long, 50);
    expect(pieces.every((piece) => piece.length <= 50)).toBe(true);
    expect(pieces.join('')).toBe(long);
    expect(splitForSpeech('第一句。第二句！\n第三句', 100)).toEqual(['第一句。第二句！\n第三句'.replace('\n', '')]);
    expect(splitForSpeech('第一句。第二句！', 5)).toEqual(['第一句。', '第二句！']);
    expect(splitForSpeech('   ')).toEqual([]);
  });
});
