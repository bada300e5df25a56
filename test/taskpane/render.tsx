/** Render the App over a host in one language, inside Fluent's provider. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render } from '@testing-library/react';
import { App, type AppProps } from '../../src/taskpane/App';
import { createAuditChannel } from '../../src/taskpane/workflows';

/**
 * Rendered and settled: the views' first reads of the host (the table list) have landed inside
 * act, as they would before a user's first click.
 */
export async function renderApp(props: AppProps) {
  const channel = props.auditChannel ?? createAuditChannel();
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <App {...props} auditChannel={channel} />
    </FluentProvider>,
  );
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return { ...result, channel };
}
