/** @jest-environment jsdom */
import './setup';
/**
 * How a run from a view ends (use-run.ts). Cancel stops a run until it writes to the workbook;
 * a run that has begun writing goes on to its end (a report is never left without its log
 * record), so it ends as done, never as "Cancelled. Nothing in the workbook was changed.",
 * even when Cancel was pressed while it wrote (the button is disabled then, but a click can
 * land before the page redraws, and in the preview the worker may already be writing).
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { CancelledError, type Progress } from '../../src/taskpane/workflows';
import { useRun } from '../../src/taskpane/use-run';

/** A run that reports `phases`, lets the test act after each, and returns 'result'. */
function steps(phases: readonly Progress['phase'][], gates: (() => void)[]) {
  return async (o: { signal: AbortSignal; onProgress: (p: Progress) => void }) => {
    for (const phase of phases) {
      o.onProgress({ phase });
      await new Promise<void>((resolve) => gates.push(resolve));
      // Like the workflows: a Cancel is taken in only before writing starts.
      if (phase !== 'write' && phase !== 'log' && o.signal.aborted) throw new CancelledError();
    }
    return 'result';
  };
}

async function runWithCancelAfter(phases: readonly Progress['phase'][], at: number) {
  const { result } = renderHook(() => useRun<string>());
  const gates: (() => void)[] = [];
  let done!: Promise<void>;
  act(() => {
    done = result.current.start(steps(phases, gates));
  });
  for (let i = 0; i < phases.length; i++) {
    await waitFor(() => expect(gates.length).toBe(i + 1));
    if (i === at) act(() => result.current.cancel());
    await act(async () => gates[i]());
    if (result.current.state.status !== 'running') break;
  }
  await act(() => done);
  return result.current.state;
}

describe('a run from a view', () => {
  it('is cancelled when Cancel comes before it writes', async () => {
    expect(await runWithCancelAfter(['read', 'check', 'write', 'log'], 1)).toEqual({
      status: 'cancelled',
    });
  });

  it('is done, with its result, when Cancel comes once it writes', async () => {
    for (const at of [2, 3]) {
      expect(await runWithCancelAfter(['read', 'check', 'write', 'log'], at)).toEqual({
        status: 'done',
        value: 'result',
      });
    }
  });

  it('that fails while writing shows the failure, not a cancel', async () => {
    const { result } = renderHook(() => useRun<string>());
    await act(() =>
      result.current.start(async (o) => {
        o.onProgress({ phase: 'write' });
        result.current.cancel();
        throw new Error('The sheet is protected.');
      }),
    );
    expect(result.current.state).toMatchObject({ status: 'error' });
  });
});
