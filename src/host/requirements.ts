/**
 * Requirement sets the Excel adapter relies on. The manifest requires ExcelApi 1.9, the highest
 * set the adapter calls unconditionally: worksheets.onSelectionChanged and RangeFill.pattern
 * (1.9), workbook.getActiveCell, workbook.name and Range.getResizedRange (1.7), settings and the
 * *OrNullObject getters (1.4), worksheet protection (1.2). Office does not load the add-in on
 * an older Excel, so those calls need no check. Anything newer is checked here and degrades:
 * see learn.microsoft.com/office/dev/add-ins/develop/specify-api-requirements-runtime.
 */

/** `Office.context.requirements.isSetSupported`, injectable for tests. */
export type ApiSupport = (name: string, version: string) => boolean;

/** The floor the manifest declares (manifest.xml `<Set Name="ExcelApi" MinVersion="1.9"/>`). */
export const MANIFEST_EXCEL_API = '1.9';

/**
 * Range.getSpillingToRange / getSpillParent (ExcelApi 1.12). Below it Excel has no dynamic
 * arrays to report: grids carry no spill map and spillParent answers null.
 */
export const SPILL_SET = { name: 'ExcelApi', version: '1.12' } as const;

/** Office's own check; false outside Office or when Office cannot answer. */
export const officeSupports: ApiSupport = (name, version) => {
  try {
    return (
      typeof Office !== 'undefined' &&
      Office.context?.requirements?.isSetSupported(name, version) === true
    );
  } catch {
    return false;
  }
};
