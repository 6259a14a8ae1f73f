/**
 * Text-to-speech where the phone has it: WeChat's 同声传译 plugin (WechatSI, optional — it may be
 * undeclared, missing or unmaintained) in the mini-program, the Web Speech API in the browser.
 * Everything here degrades to "unavailable, with a message", never to an exception.
 */
import Taro from '@tarojs/taro';
import { isH5, isWeapp } from '../../services/config';

export type SpeechEngine = 'wechatsi' | 'web';

export type SpeechSupport = { available: true; engine: SpeechEngine } | { available: false; message: string };

export const UNAVAILABLE_IN_WECHAT = '当前微信暂时不能朗读。请升级微信后再试，或请家人帮您读一读。';
export const UNAVAILABLE_IN_BROWSER = '您的浏览器不能朗读。请在微信中打开，或请家人帮您读一读。';
export const SPEECH_FAILED = '朗读没有成功，请检查网络后再试一次。';
export const BROWSER_SPEECH_FAILED = '朗读没有成功：这个浏览器可能没有中文语音。请在微信中打开，或请家人帮您读一读。';

/** Characters per request: WechatSI takes at most 1000 bytes (3 per Chinese character) a call. */
export const SPEECH_CHUNK_MAX = 150;

interface TextToSpeechResult {
  retcode?: number;
  filename?: string;
  msg?: string;
}

interface WechatSIPlugin {
  textToSpeech(options: {
    lang: 'zh_CN';
    tts: boolean;
    content: string;
    success?: (result: TextToSpeechResult) => void;
    fail?: (result: TextToSpeechResult) => void;
  }): void;
}

function wechatSI(): WechatSIPlugin | null {
  try {
    const plugin = Taro.requirePlugin('WechatSI') as Partial<WechatSIPlugin> | undefined | null;
    return plugin && typeof plugin.textToSpeech === 'function' ? (plugin as WechatSIPlugin) : null;
  } catch {
    // Not declared in app.json, not authorised for this AppID, or not a WeChat build.
    return null;
  }
}

function webSpeech(): SpeechSynthesis | null {
  if (typeof window === 'undefined') return null;
  const scope = window as unknown as { speechSynthesis?: SpeechSynthesis; SpeechSynthesisUtterance?: unknown };
  if (!scope.speechSynthesis || typeof scope.SpeechSynthesisUtterance !== 'function') return null;
  return scope.speechSynthesis;
}

/** Which engine this phone or browser offers, or why there is none. */
export function detectSpeech(): SpeechSupport {
  if (isWeapp())
    return wechatSI() ? { available: true, engine: 'wechatsi' } : { available: false, message: UNAVAILABLE_IN_WECHAT };
  if (isH5())
    return webSpeech() ? { available: true, engine: 'web' } : { available: false, message: UNAVAILABLE_IN_BROWSER };
  return { available: false, message: UNAVAILABLE_IN_WECHAT };
}

/**
 * Splits text into pieces of at most `max` characters, cutting after a sentence (。！？；or a line
 * break) where possible, else after a comma, else anywhere.
 */
export function splitForSpeech(text: string, max = SPEECH_CHUNK_MAX): string[] {
  // (No look-behind: older iPhones' WeChat cannot parse it.)
  const sentences = (
    text.replace(/[ \t\u3000]+/g, ' ').match(/[^。！？!?；;\n]+[。！？!?；;\n]*|[。！？!?；;\n]+/g) ?? []
  )
    .map((sentence) => sentence.trim())
    .filter(Boolean);
  const pieces: string[] = [];
  const pushLong = (sentence: string) => {
    let rest = sentence;
    while (rest.length > max) {
      const window = rest.slice(0, max);
      const comma = Math.max(window.lastIndexOf('，'), window.lastIndexOf(','), window.lastIndexOf('、'));
      const cut = comma > max / 3 ? comma + 1 : max;
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    return rest;
  };
  let current = '';
  for (const sentence of sentences) {
    if (current && current.length + sentence.length > max) {
      pieces.push(current);
      current = '';
    }
    current = pushLong(current + sentence);
  }
  if (current) pieces.push(current);
  return pieces;
}

export type PlayerState = 'idle' | 'preparing' | 'playing' | 'error';
export type PlayerListener = (state: PlayerState, message?: string) => void;

type PlaybackEnd = 'ended' | 'error' | 'stopped';

/** Only one voice at a time: starting a player stops the one that was speaking. */
let speaking: SpeechPlayer | null = null;

/** Plays one text aloud, piece by piece; `stop()` at any moment, `destroy()` when the page goes. */
export class SpeechPlayer {
  private run = 0;
  private audio: Taro.InnerAudioContext | null = null;
  private pendingEnd: ((end: PlaybackEnd) => void) | null = null;

  constructor(
    private readonly engine: SpeechEngine,
    private readonly listener: PlayerListener,
  ) {}

  play(text: string): void {
    if (speaking && speaking !== this) speaking.stop();
    speaking = this;
    const run = ++this.run;
    const pieces = splitForSpeech(text);
    if (pieces.length === 0) {
      this.listener('error', '没有可以朗读的内容');
      return;
    }
    if (this.engine === 'web') this.playWeb(pieces, run);
    else void this.playWechat(pieces, run);
  }

  stop(): void {
    this.halt();
    this.listener('idle');
  }

  destroy(): void {
    this.halt();
    try {
      this.audio?.destroy();
    } catch {
      // Already gone.
    }
    this.audio = null;
  }

  private halt(): void {
    this.run += 1;
    if (speaking === this) speaking = null;
    if (this.engine === 'web') {
      try {
        webSpeech()?.cancel();
      } catch {
        // Nothing was speaking.
      }
    }
    try {
      this.audio?.stop();
    } catch {
      // Nothing was playing.
    }
    this.finishPlayback('stopped');
  }

  private finishPlayback(end: PlaybackEnd): void {
    const resolve = this.pendingEnd;
    this.pendingEnd = null;
    resolve?.(end);
  }

  private playWeb(pieces: string[], run: number): void {
    const synth = webSpeech();
    if (!synth) {
      this.listener('error', UNAVAILABLE_IN_BROWSER);
      return;
    }
    synth.cancel();
    const voices = typeof synth.getVoices === 'function' ? synth.getVoices() : [];
    const chinese =
      voices.find((voice) => /^zh[-_]CN/i.test(voice.lang)) ?? voices.find((voice) => /^zh/i.test(voice.lang));
    pieces.forEach((piece, index) => {
      const utterance = new SpeechSynthesisUtterance(piece);
      utterance.lang = 'zh-CN';
      // A little slower than usual: easier to follow for older listeners.
      utterance.rate = 0.9;
      if (chinese) utterance.voice = chinese;
      utterance.onerror = (event) => {
        const reason = (event as { error?: string }).error;
        if (run !== this.run || reason === 'interrupted' || reason === 'canceled') return;
        this.run += 1;
        synth.cancel();
        this.listener('error', BROWSER_SPEECH_FAILED);
      };
      if (index === pieces.length - 1) {
        utterance.onend = () => {
          if (run !== this.run) return;
          if (speaking === this) speaking = null;
          this.listener('idle');
        };
      }
      synth.speak(utterance);
    });
    this.listener('playing');
  }

  private ensureAudio(): Taro.InnerAudioContext {
    if (this.audio) return this.audio;
    const audio = Taro.createInnerAudioContext();
    try {
      // The listener asked to hear it: play even when an iPhone is on silent.
      audio.obeyMuteSwitch = false;
    } catch {
      // Read-only on some versions.
    }
    audio.onEnded(() => this.finishPlayback('ended'));
    audio.onError(() => this.finishPlayback('error'));
    this.audio = audio;
    return audio;
  }

  private playFile(src: string): Promise<PlaybackEnd> {
    const audio = this.ensureAudio();
    return new Promise<PlaybackEnd>((resolve) => {
      this.pendingEnd = resolve;
      audio.src = src;
      audio.play();
    });
  }

  private async playWechat(pieces: string[], run: number): Promise<void> {
    const plugin = wechatSI();
    if (!plugin) {
      this.listener('error', UNAVAILABLE_IN_WECHAT);
      return;
    }
    this.listener('preparing');
    // Each piece is synthesised while the one before it plays.
    let next: Promise<string> | null = synthesize(plugin, pieces[0]);
    for (let index = 0; index < pieces.length; index += 1) {
      let src: string;
      try {
        src = await (next as Promise<string>);
      } catch {
        if (run === this.run) {
          this.run += 1;
          this.listener('error', SPEECH_FAILED);
        }
        return;
      }
      if (run !== this.run) return;
      next = index + 1 < pieces.length ? synthesize(plugin, pieces[index + 1]) : null;
      next?.catch(() => undefined);
      this.listener('playing');
      const end = await this.playFile(src);
      if (run !== this.run) return;
      if (end === 'error') {
        this.run += 1;
        this.listener('error', SPEECH_FAILED);
        return;
      }
    }
    if (speaking === this) speaking = null;
    this.listener('idle');
  }
}

function synthesize(plugin: WechatSIPlugin, content: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    try {
      plugin.textToSpeech({
        lang: 'zh_CN',
        tts: true,
        content,
        success: (result) => (result.filename ? resolve(result.filename) : reject(new Error(result.msg ?? 'no audio'))),
        fail: (result) => reject(new Error(result.msg ?? 'textToSpeech failed')),
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error('textToSpeech failed'));
    }
  });
}
