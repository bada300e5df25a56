/**
 * Policy: the active policy's name, version and content hash, and every number it holds with
 * its article and original words, section by section.
 */
import {
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import type { PolicyState } from '../../policy/deployed';
import { articleText, policyHash, type Policy } from '../../rules';
import { useViewStyles } from '../components';
import { useStrings } from '../i18n';
import { policySections } from '../policy-rows';

export function PolicyView({
  policy,
  state,
}: {
  readonly policy: Policy;
  /** Where the policy comes from; built-in when not given. */
  readonly state?: PolicyState;
}) {
  const { t, lang } = useStrings();
  const view = useViewStyles();
  const P = t.policy;
  const sections = useMemo(() => policySections(policy, t, lang), [policy, t, lang]);
  return (
    <div className={view.view}>
      <Table size="small" aria-label={P.heading} className={view.table}>
        <TableBody>
          <TableRow>
            <TableHeaderCell scope="row">{P.name}</TableHeaderCell>
            <TableCell>{policy.name[lang]}</TableCell>
          </TableRow>
          <TableRow>
            <TableHeaderCell scope="row">{P.version}</TableHeaderCell>
            <TableCell className={view.wrap}>{policy.version}</TableCell>
          </TableRow>
          <TableRow>
            <TableHeaderCell scope="row">{P.hash}</TableHeaderCell>
            <TableCell className={view.mono}>{policyHash(policy)}</TableCell>
          </TableRow>
          <TableRow>
            <TableHeaderCell scope="row">{P.origin}</TableHeaderCell>
            <TableCell data-testid="policy-origin">
              {state?.kind === 'deployed'
                ? P.deployed(state.url)
                : state?.kind === 'draft'
                  ? P.draft(state.name)
                  : P.builtIn}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {sections.map((s) => (
        <section key={s.key} className={view.section} aria-labelledby={`policy-${s.key}`}>
          <Subtitle2 as="h3" id={`policy-${s.key}`} className={view.heading}>
            {P.sections[s.key]}
          </Subtitle2>
          <Table size="small" aria-labelledby={`policy-${s.key}`} className={view.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{P.what}</TableHeaderCell>
                <TableHeaderCell>{P.value}</TableHeaderCell>
                <TableHeaderCell>{t.common.article}</TableHeaderCell>
                <TableHeaderCell>{P.source}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {s.rows.map((row, i) => (
                <TableRow key={i}>
                  <TableCell className={view.wrap}>{row.what}</TableCell>
                  <TableCell className={view.wrap}>{row.value}</TableCell>
                  <TableCell className={view.wrap}>{articleText(row.article, lang)}</TableCell>
                  <TableCell className={view.wrap} lang="zh-CN">
                    {row.source}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ))}
    </div>
  );
}
