import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError } from '../../services/apiError';

export interface AsyncValue<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
  reload(): Promise<void>;
}

/** Loads once per `key` (and on reload); answers for an older key are dropped. */
export function useAsync<T>(key: string, load: () => Promise<T>, enabled = true): AsyncValue<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(async () => {
    const current = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const value = await loadRef.current();
      if (current === generation.current) setData(value);
    } catch (caught) {
      if (current === generation.current) setError(toApiError(caught).message);
    } finally {
      if (current === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (!enabled) {
      generation.current += 1;
      setData(null);
      setLoading(false);
      return;
    }
    void run();
  }, [key, enabled, run]);

  const reload = useCallback(() => (enabled ? run() : Promise.resolve()), [enabled, run]);
  return { data, loading, error, reload };
}
