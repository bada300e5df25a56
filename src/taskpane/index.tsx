/**
 * Task pane entry. Placeholder from the foundation issue: the taskpane engineer replaces it
 * with the Validate / Audit / Policy / Functions app.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, Title2, webLightTheme } from '@fluentui/react-components';

Office.onReady(() => {
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Title2 as="h1">客户经理考核 · CM Appraisal</Title2>
    </FluentProvider>,
  );
});
