/** Render the App over a host in one language, inside Fluent's provider. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import { App, type AppProps } from '../../src/taskpane/App';
import { createAuditChannel } from '../../src/taskpane/workflows';

export function renderApp(props: AppProps) {
  const channel = props.auditChannel ?? createAuditChannel();
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <App {...props} auditChannel={channel} />
    </FluentProvider>,
  );
  return { ...result, channel };
}
