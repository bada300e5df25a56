/**
 * Task pane entry: the only task pane file that touches Office. In Excel it renders the App
 * over an OfficeHost in Office's display language; opened outside Office (Office.onReady gives
 * host null) it shows a note instead.
 */
import { Body1, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { OfficeHost } from '../host/office-host';
import { startDeployedPolicy } from '../policy/deployed';
import { App } from './App';
import { DICTIONARIES, langOf } from './i18n';

// The policy file deployed beside this page, loaded once for the pane, the ribbon and the
// custom functions (they share this page); started before Office is ready so it is there first.
const policyLoad = startDeployedPolicy();

Office.onReady((info) => {
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  if (!info.host) {
    const t = DICTIONARIES[langOf(typeof navigator !== 'undefined' ? navigator.language : null)];
    root.render(
      <FluentProvider theme={webLightTheme}>
        <Body1 as="p" role="note">
          {t.noOffice}
        </Body1>
      </FluentProvider>,
    );
    return;
  }
  void policyLoad.then((policyState) =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <App
          host={new OfficeHost()}
          initialLang={langOf(Office.context.displayLanguage)}
          policyState={policyState}
        />
      </FluentProvider>,
    ),
  );
});
