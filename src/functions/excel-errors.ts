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
    case '#DIV/0!':
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
    case '#NULL!':
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.nullReference);
    case '#REF!':
    case '#NAME?':
      // "supported as a custom function input error, but not as a custom function output
      // error" (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors): the
      // element shows #VALUE! with a message naming the parameter and the input's error.
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
  }
};
