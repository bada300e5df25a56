/**
 * Running one workflow from a view: its progress, a Cancel that aborts it (AbortController),
 * and its end as done, cancelled or failed. A run still going when the view unmounts is
 * aborted; a result that arrives after a newer run started is dropped. Once a run reports a
 * phase that writes to the workbook it goes on to its end (the workflows and hosts no longer
 * stop it), so it ends as done, never as "cancelled, nothing was changed".
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isCancelled, isWritePhase, type Progress, type RunOptions } from './workflows';

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
    // Writing began before any Cancel: from then on the run ends as it ends.
    let writing = false;
    const cancelled = () => controller.signal.aborted && !writing;
    try {
      const value = await work({
        signal: controller.signal,
        onProgress: (progress) => {
          if (controller.signal.aborted) return;
          if (isWritePhase(progress.phase)) writing = true;
          if (mine()) setState({ status: 'running', progress });
        },
      });
      if (!mine()) return;
      setState(cancelled() ? { status: 'cancelled' } : { status: 'done', value });
    } catch (error) {
      if (!mine()) return;
      setState(
        isCancelled(error) || cancelled() ? { status: 'cancelled' } : { status: 'error', error },
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
