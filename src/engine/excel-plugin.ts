/**
 * Excel worksheet functions HyperFormula lacks, as a HyperFormula function plugin.
 *
 * CONCAT (Excel 2019; saved as `_xlfn.CONCAT`): joins its arguments' texts, ranges read cell by
 * cell from the top-left, empty cells as "" (Microsoft: "CONCAT function"). HyperFormula's own
 * CONCATENATE already expands ranges the same way, so CONCAT runs the same coercions.
 * TEXTJOIN, IFS, XLOOKUP and SWITCH are HyperFormula built-ins.
 */
import {
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
} from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { InterpreterValue } from 'hyperformula/typings/interpreter/InterpreterValue';
import type { ProcedureAst } from 'hyperformula/typings/parser';

/** Excel's limit on the length of a cell's text. */
const MAX_TEXT = 32767;

export class ExcelFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    CONCAT: {
      method: 'concat',
      parameters: [{ argumentType: FunctionArgumentType.STRING }],
      repeatLastArgs: 1,
      expandRanges: true,
    },
  };

  concat(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(ast.args, state, this.metadata('CONCAT'), (...args: string[]) => {
      const text = ''.concat(...args);
      return text.length > MAX_TEXT
        ? new CellError(
            ErrorType.VALUE,
            'CONCAT gives more than 32,767 characters, the most a cell holds',
          )
        : text;
    });
  }
}

/** The function names the plugin adds. */
export const EXCEL_PLUGIN_FUNCTIONS: readonly string[] = Object.keys(
  ExcelFunctionsPlugin.implementedFunctions,
);

let named = false;

/**
 * The plugin, its names added to every HyperFormula language package (it parses a function
 * only by a translated name; the registry is global, adding names is harmless).
 */
export function excelFunctionsPlugin(): typeof ExcelFunctionsPlugin {
  if (!named) {
    const names = Object.fromEntries(EXCEL_PLUGIN_FUNCTIONS.map((n) => [n, n]));
    for (const code of HyperFormula.getRegisteredLanguagesCodes()) {
      HyperFormula.getLanguage(code).extendFunctions(names);
    }
    named = true;
  }
  return ExcelFunctionsPlugin;
}
