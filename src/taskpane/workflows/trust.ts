/**
 * The trust list deployed with the add-in: the bank's administrator puts the audit office's
 * `trust.json` beside taskpane.html on the add-in's web server (README, "Deployment"); the pane
 * fetches it from its own origin. No file: signatures are reported, not judged. A file that
 * cannot be used is an error, never a silent fall back to "not checked".
 */
import type { Text } from '../../rules';
import { KeyFormatError, loadTrustList, type TrustList } from '../../signing';

export const TRUST_FILE = 'trust.json';

export type DeployedTrust =
  | { readonly kind: 'none' }
  | { readonly kind: 'loaded'; readonly list: TrustList; readonly count: number }
  /** Why it cannot be used, in both languages (the pane shows the one it speaks). */
  | { readonly kind: 'bad'; readonly reason: Text };

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export async function loadDeployedTrust(
  fetchFn: Fetch | undefined = globalThis.fetch?.bind(globalThis),
  url = TRUST_FILE,
): Promise<DeployedTrust> {
  if (fetchFn === undefined) return { kind: 'none' };
  let response: Response;
  try {
    response = await fetchFn(url, { cache: 'no-store' });
  } catch (e) {
    return {
      kind: 'bad',
      reason: {
        en: `${url} could not be fetched (${(e as Error).message}).`,
        zh: `无法从加载项的服务器获取 ${url}。`,
      },
    };
  }
  if (response.status === 404) return { kind: 'none' };
  if (!response.ok) {
    return {
      kind: 'bad',
      reason: {
        en: `${url}: HTTP ${response.status}.`,
        zh: `加载项的服务器未能提供 ${url}（HTTP ${response.status}）。`,
      },
    };
  }
  let value: unknown;
  try {
    value = JSON.parse((await response.text()).replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'bad', reason: { en: `${url} is not JSON.`, zh: `${url} 不是 JSON 文件。` } };
  }
  try {
    const list = await loadTrustList(value, url);
    return { kind: 'loaded', list, count: list.keys.size };
  } catch (e) {
    if (e instanceof KeyFormatError) return { kind: 'bad', reason: { en: e.message, zh: e.zh } };
    return {
      kind: 'bad',
      reason: { en: `${url}: ${(e as Error).message}`, zh: `${url} 无法使用。` },
    };
  }
}
