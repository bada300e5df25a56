/**
 * The policy the add-in runs under: the file the bank's administrator deploys beside the page
 * (`policy.json` next to taskpane.html), else, only when no file is deployed (HTTP 404), the
 * built-in policy. A deployed file that cannot be fetched or that the checks refuse is NOT
 * replaced by the built-in policy: the state says it is refused, and nothing is computed.
 *
 * One load per page: the task pane, the ribbon command and the custom functions share the page
 * (one shared runtime, one webpack runtime chunk), so they share this module and its state.
 */
import { DEFAULT_POLICY, type Policy } from '../rules';
import { loadPolicyJson, type PolicyProblem } from './load';

export const DEPLOYED_POLICY_FILE = 'policy.json';

export type PolicyState =
  | { readonly kind: 'built-in'; readonly policy: Policy }
  | { readonly kind: 'deployed'; readonly policy: Policy; readonly url: string }
  | { readonly kind: 'draft'; readonly policy: Policy; readonly name: string }
  | { readonly kind: 'refused'; readonly url: string; readonly problems: readonly PolicyProblem[] };

export const BUILT_IN_STATE: PolicyState = { kind: 'built-in', policy: DEFAULT_POLICY };

type Fetch = (url: string) => Promise<{
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  text(): Promise<string>;
}>;

function refusedBecause(url: string, en: string, zh: string): PolicyState {
  return { kind: 'refused', url, problems: [{ path: '', reason: { en, zh } }] };
}

/** Fetches and checks the deployed policy file at `url`. Never throws. */
export async function loadDeployedPolicy(url: string, fetchFn: Fetch): Promise<PolicyState> {
  let text: string;
  try {
    // No cache: a revised file must take effect at the next start of the add-in.
    const response = await fetchFn(url);
    if (response.status === 404) return BUILT_IN_STATE;
    if (!response.ok) {
      const status = `${response.status} ${response.statusText}`.trim();
      return refusedBecause(
        url,
        `the policy file could not be fetched (HTTP ${status})`,
        `无法获取办法文件（HTTP ${status}）`,
      );
    }
    text = await response.text();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return refusedBecause(
      url,
      `the policy file could not be fetched (${why})`,
      `无法获取办法文件（${why}）`,
    );
  }
  const loaded = loadPolicyJson(text);
  return loaded.ok
    ? { kind: 'deployed', policy: loaded.policy, url }
    : { kind: 'refused', url, problems: loaded.problems };
}

let current: PolicyState | undefined;
let pending: Promise<PolicyState> | undefined;

/**
 * Starts loading the deployed policy (once per page) and resolves to the state. Called by the
 * task pane page's entry; before it is called (Node, tests) the built-in policy is active.
 */
export function startDeployedPolicy(
  url: string = DEPLOYED_POLICY_FILE,
  fetchFn: Fetch = (u) => fetch(u, { cache: 'no-store' }),
): Promise<PolicyState> {
  pending ??= loadDeployedPolicy(url, fetchFn).then((state) => (current = state));
  return pending;
}

/**
 * The state now, or the promise of it while the file is loading (custom functions then return
 * that promise: Excel waits for a returned Promise, learn.microsoft.com/office/dev/add-ins/excel/
 * custom-functions-web-reqs). Built-in when no load was started.
 */
export function policyStateNow(): PolicyState | Promise<PolicyState> {
  if (current !== undefined) return current;
  return pending ?? BUILT_IN_STATE;
}

/** Forget the loaded state (tests). */
export function resetDeployedPolicy(): void {
  current = undefined;
  pending = undefined;
}
