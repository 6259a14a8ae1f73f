import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';

export interface AudioPlayer {
  /** The source now playing, or null. */
  playing: string | null;
  /** Plays `src`, or stops it when it is already playing. */
  toggle(src: string): void;
  stop(): void;
}

/** One InnerAudioContext per screen, destroyed with it. */
export function useAudioPlayer(): AudioPlayer {
  const contextRef = useRef<Taro.InnerAudioContext | null>(null);
  const [playing, setPlaying] = useState<string | null>(null);

  const context = useCallback((): Taro.InnerAudioContext => {
    if (contextRef.current) return contextRef.current;
    const created = Taro.createInnerAudioContext();
    created.onEnded(() => setPlaying(null));
    created.onStop?.(() => setPlaying(null));
    created.onError(() => {
      setPlaying(null);
      void Taro.showToast({ title: '无法播放这段语音', icon: 'none' });
    });
    contextRef.current = created;
    return created;
  }, []);

  const stop = useCallback(() => {
    contextRef.current?.stop();
    setPlaying(null);
  }, []);

  const toggle = useCallback(
    (src: string) => {
      const audio = context();
      if (playing === src) {
        audio.stop();
        setPlaying(null);
        return;
      }
      audio.stop();
      audio.src = src;
      audio.play();
      setPlaying(src);
    },
    [context, playing],
  );

  useEffect(
    () => () => {
      contextRef.current?.destroy();
      contextRef.current = null;
    },
    [],
  );

  return { playing, toggle, stop };
}
