import { ConfigError } from '../../config';
import type { MiniprogramState } from './subscribeClient';
import { type SubscribeTemplates, TemplateConfigError, subscribeTemplatesFrom } from './subscribeTemplates';

/** Subscribe messages: which templates exist, and which version of the mini-program they open. */
export interface PushConfig {
  templates: SubscribeTemplates;
  miniprogramState: MiniprogramState;
}

const STATES: readonly MiniprogramState[] = ['formal', 'trial', 'developer'];

export function pushConfigFrom(env: Record<string, string | undefined>): PushConfig {
  const state = (env.WECHAT_MINIPROGRAM_STATE ?? 'formal') as MiniprogramState;
  if (!STATES.includes(state)) throw new ConfigError('WECHAT_MINIPROGRAM_STATE must be formal, trial or developer');
  try {
    return { templates: subscribeTemplatesFrom(env), miniprogramState: state };
  } catch (error) {
    if (error instanceof TemplateConfigError) throw new ConfigError(error.message);
    throw error;
  }
}
