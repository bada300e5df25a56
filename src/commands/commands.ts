/**
 * Ribbon commands. Placeholder from the foundation issue: the audit is wired later through the
 * WorkbookHost port (src/host); for now the button only completes its event.
 */

Office.onReady(() => {
  Office.actions.associate('runAudit', (event: Office.AddinCommands.Event) => {
    // The one-click audit (SHEETS.md, "Audit") is wired here by a later issue.
    event.completed();
  });
});
