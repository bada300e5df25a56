/**
 * CustomFunctions.Error from the codes the runner returns. Excel shows a custom message only on
 * #VALUE! and #N/A; a #NUM! message reaches users through the task pane and the command line.
 */
import type { ErrorFactory } from './excel-adapter';
import type { XlErrorCode } from './xl';

export const excelError: ErrorFactory = (code: XlErrorCode, message: string) => {
  switch (code) {
    case '#VALUE!':
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
    case '#N/A':
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
    case '#NUM!':
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
  }
};
