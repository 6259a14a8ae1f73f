import fs from 'node:fs';
import type { Logger } from '../logger';
import { CategoryClassifier } from './classifier';
import type { CategoryPredictor } from './reportRouter';

/**
 * The classifier the server routes with. Loaded at start-up from the model file and reloaded
 * when `npm run routing:train` writes a new one, so a retrained model takes effect without a
 * restart. Without a model file the server still runs: every report goes to triage.
 */
export class ClassifierHolder {
  private current: CategoryPredictor | null = null;
  private loadedMtimeMs = 0;

  /** `modelPath` null holds `initial` for good: tests route with a classifier they trained. */
  constructor(
    private readonly modelPath: string | null,
    private readonly logger: Logger,
    initial: CategoryPredictor | null = null,
  ) {
    this.current = initial;
  }

  get predictor(): CategoryPredictor | null {
    return this.current;
  }

  /** Loads the model if the file changed since the last load; keeps the old one on failure. */
  async refresh(): Promise<void> {
    if (!this.modelPath) return;
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(this.modelPath).mtimeMs;
    } catch {
      if (!this.current)
        this.logger.warn({ modelPath: this.modelPath }, 'no classifier model: every report goes to triage');
      return;
    }
    if (mtimeMs === this.loadedMtimeMs) return;
    try {
      const loaded = await CategoryClassifier.loadFile(this.modelPath);
      // The first prediction loads the word dictionary (a fraction of a second, seconds on a busy
      // machine): paid here, not by the first villager whose report is classified.
      loaded.predict({ text: '村口的路灯坏了' });
      this.current = loaded;
      this.loadedMtimeMs = mtimeMs;
      this.logger.info({ version: this.current.version }, 'classifier loaded');
    } catch (error) {
      this.logger.warn(
        { err: error, modelPath: this.modelPath },
        'classifier model unreadable; keeping the previous one',
      );
    }
  }
}
