/**
 * Running one workflow from a view: its progress, a Cancel that aborts it (AbortController),
 * and its end as done, cancelled or failed. A run still going when the view unmounts is
 * aborted; a result that arrives after a newer run started is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isCancelled, type Progress, type RunOptions } from './workflows';

export type RunState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly progress?: Progress }
  | { readonly status: 'done'; readonly value: T }
  | { readonly status: 'cancelled' }
  | { readonly status: 'error'; readonly error: unknown };

export interface Run<T> {
  readonly state: RunState<T>;
  start(
    work: (options: Required<Pick<RunOptions, 'signal' | 'onProgress'>>) => Promise<T>,
  ): Promise<void>;
  cancel(): void;
  reset(): void;
}

export function useRun<T>(): Run<T> {
  const [state, setState] = useState<RunState<T>>({ status: 'idle' });
  const current = useRef<AbortController | null>(null);

  useEffect(() => () => current.current?.abort(), []);

  const start = useCallback<Run<T>['start']>(async (work) => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    const mine = () => current.current === controller;
    setState({ status: 'running' });
    try {
      const value = await work({
        signal: controller.signal,
        onProgress: (progress) => {
          if (mine() && !controller.signal.aborted) setState({ status: 'running', progress });
        },
      });
      if (!mine()) return;
      setState(controller.signal.aborted ? { status: 'cancelled' } : { status: 'done', value });
    } catch (error) {
      if (!mine()) return;
      setState(
        isCancelled(error) || controller.signal.aborted
          ? { status: 'cancelled' }
          : { status: 'error', error },
      );
    } finally {
      if (mine()) current.current = null;
    }
  }, []);

  const cancel = useCallback(() => {
    current.current?.abort();
  }, []);

  const reset = useCallback(() => setState({ status: 'idle' }), []);

  return { state, start, cancel, reset };
}
