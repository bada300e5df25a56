/**
 * The auditor's signing key in the Audit view: created on first use with the auditor's name
 * (a non-extractable WebCrypto key in the add-in's IndexedDB, src/signing/key-store.ts), then
 * shown by name and fingerprint with its public key exportable as the small JSON the audit
 * office puts on its trust list.
 */
import {
  Body1,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import {
  publicKeyJson,
  shortFingerprint,
  type PublicKeyJson,
  type SigningKey,
} from '../../signing';
import { keyFor, type KeyStore } from '../../signing/key-store';
import { useFactStyles, useViewStyles } from '../components';
import { useStrings } from '../i18n';
import { readableError } from '../workflows';

export type KeyState =
  | { readonly status: 'loading' }
  | { readonly status: 'none' }
  | { readonly status: 'ready'; readonly key: SigningKey; readonly json: PublicKeyJson }
  | { readonly status: 'unavailable'; readonly error: unknown };

export interface Signing {
  readonly state: KeyState;
  /** The key, created with `name` when there is none yet (first use). */
  keyFor(name: string): Promise<SigningKey>;
}

/** This page has no WebCrypto key storage (said in the pane's language, not as this text). */
const NO_KEY_STORE = new Error('no key store');

/** The stored key, loaded once; `keyFor` creates it on first use. */
export function useSigningKey(store: KeyStore | undefined): Signing {
  const [state, setState] = useState<KeyState>(() =>
    store ? { status: 'loading' } : { status: 'unavailable', error: NO_KEY_STORE },
  );
  const ready = useCallback(async (key: SigningKey) => {
    const json = await publicKeyJson(key.name, key.publicKey);
    setState({ status: 'ready', key, json });
    return key;
  }, []);
  useEffect(() => {
    if (!store) return;
    let live = true;
    store.load().then(
      (key) => {
        if (!live) return;
        if (key) void ready(key);
        else setState({ status: 'none' });
      },
      (error: unknown) => live && setState({ status: 'unavailable', error }),
    );
    return () => {
      live = false;
    };
  }, [store, ready]);
  const create = useCallback(
    async (name: string) => {
      if (!store) throw NO_KEY_STORE;
      return ready(await keyFor(store, name));
    },
    [store, ready],
  );
  return { state, keyFor: create };
}

const useStyles = makeStyles({
  json: { width: '100%', fontFamily: tokens.fontFamilyMonospace },
});

/** Saves the public key JSON as a file (where the webview allows downloads). */
function download(json: PublicKeyJson): void {
  const blob = new Blob([`${JSON.stringify(json, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${json.name}.pub.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function SigningKeyPanel({
  signing,
  name,
}: {
  readonly signing: Signing;
  /** The auditor's name as entered for the audit: the new key is made in it. */
  readonly name: string;
}) {
  const { t, lang } = useStrings();
  const S = t.signing;
  const view = useViewStyles();
  const styles = { ...useFactStyles(), ...useStyles() };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [showJson, setShowJson] = useState(false);
  const state = signing.state;
  if (state.status === 'loading') return null;
  return (
    <section className={view.section} aria-label={S.heading}>
      <Subtitle2 as="h3" className={view.heading}>
        {S.heading}
      </Subtitle2>
      {state.status === 'unavailable' && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {S.unavailable(
              state.error === NO_KEY_STORE ? S.noKeyStore : readableError(state.error, lang),
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'none' && (
        <>
          <Body1 className={view.muted}>{S.intro}</Body1>
          <div className={view.row}>
            <Button
              disabled={busy}
              onClick={() => {
                if (name.trim() === '') {
                  setError(new Error(S.needName));
                  return;
                }
                setBusy(true);
                setError(undefined);
                signing.keyFor(name).then(
                  () => setBusy(false),
                  (e: unknown) => {
                    setBusy(false);
                    setError(e);
                  },
                );
              }}
            >
              {busy ? S.creating : S.create}
            </Button>
          </div>
        </>
      )}
      {state.status === 'ready' && (
        <>
          <dl className={styles.facts}>
            <div className={styles.pair}>
              <dt className={styles.term}>{S.owner}</dt>
              <dd className={styles.value}>{state.key.name}</dd>
            </div>
            <div className={styles.pair}>
              <dt className={styles.term}>{S.fingerprint}</dt>
              <dd className={`${styles.value} ${view.mono}`} title={state.key.fingerprint}>
                {shortFingerprint(state.key.fingerprint)} …
              </dd>
            </div>
          </dl>
          <div className={view.row}>
            <Button
              onClick={() => {
                setShowJson(true);
                download(state.json);
              }}
            >
              {S.exportKey}
            </Button>
          </div>
          {showJson && (
            <Field label={S.publicKey} hint={S.exportHint}>
              <Textarea
                readOnly
                className={styles.json}
                resize="vertical"
                value={JSON.stringify(state.json, null, 2)}
                data-testid="public-key-json"
              />
            </Field>
          )}
        </>
      )}
      {error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{readableError(error, lang)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
