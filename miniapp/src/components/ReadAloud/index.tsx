import { useEffect, useRef, useState } from 'react';
import { View } from '@tarojs/components';
import { useDidHide } from '@tarojs/taro';
import BigButton from '../BigButton';
import { SpeechPlayer, detectSpeech, type PlayerState, type SpeechSupport } from './speech';

import './index.scss';

export interface ReadAloudProps {
  /** What to read: usually the title, then the body. */
  text: string;
  /** 读给我听 by default; the 关怀模式 home says 听通知. */
  label?: string;
  /** A line under the label when idle, e.g. the title of the notice it will read. */
  hint?: string;
  /** The huge 关怀模式 button. */
  big?: boolean;
}

/**
 * 读给我听: play and stop, with what is happening in words (正在准备… / 正在朗读…). Where the
 * phone cannot speak, the button says so and a plain message explains what to do instead.
 */
export default function ReadAloud({ text, label = '读给我听', hint, big = false }: ReadAloudProps) {
  const [support] = useState<SpeechSupport>(() => detectSpeech());
  const [state, setState] = useState<PlayerState>('idle');
  const [message, setMessage] = useState<string | null>(null);
  const player = useRef<SpeechPlayer | null>(null);

  useEffect(
    () => () => {
      player.current?.destroy();
      player.current = null;
    },
    [],
  );
  // A new text (another notice) never continues the old one.
  useEffect(() => {
    if (player.current) player.current.stop();
  }, [text]);
  useDidHide(() => player.current?.stop());

  const size = big ? 'huge' : 'normal';

  if (!support.available) {
    return (
      <View className={`read-aloud${big ? ' read-aloud--big' : ''}`}>
        <BigButton icon="🔇" label={label} hint="当前无法朗读" size={size} variant="outline" disabled />
        <View className="read-aloud__message" role="alert">
          {support.message}
        </View>
      </View>
    );
  }

  const busy = state === 'preparing' || state === 'playing';

  const toggle = () => {
    if (busy) {
      player.current?.stop();
      return;
    }
    setMessage(null);
    if (!player.current) {
      player.current = new SpeechPlayer(support.engine, (next, why) => {
        setState(next);
        setMessage(next === 'error' ? (why ?? '朗读没有成功，请再试一次。') : null);
      });
    }
    player.current.play(text);
  };

  const status = state === 'preparing' ? '正在准备语音…' : state === 'playing' ? '正在朗读，点一下停止' : hint;
  return (
    <View className={`read-aloud${big ? ' read-aloud--big' : ''}`}>
      <BigButton
        icon={busy ? '⏹' : '🔊'}
        label={busy ? '停止朗读' : label}
        hint={status}
        size={size}
        variant={busy ? 'secondary' : big ? 'primary' : 'outline'}
        onClick={toggle}
      />
      {message ? (
        <View className="read-aloud__message" role="alert">
          {message}
        </View>
      ) : null}
    </View>
  );
}
