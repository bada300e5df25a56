/**
 * Explain: for the selected cell's CM formula, the arguments as read, the rule that decided
 * (with its article and, for a score, every item), or the error's message in the current
 * language, the only way an Excel user sees why a cell shows #NUM!.
 */
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useCallback, useEffect } from 'react';
import type { XlScalar } from '../../functions';
import type { WorkbookHost } from '../../host/port';
import { articleText, paramLabel, type Policy } from '../../rules';
import { ErrorNote, useViewStyles } from '../components';
import { useStrings } from '../i18n';
import { useRun } from '../use-run';
import { explainSelection, type ArgView, type ExplainResult, type RuleView } from '../workflows';

function show(value: XlScalar | readonly XlScalar[], blank: string): string {
  if (Array.isArray(value)) return value.map((v) => show(v, blank)).join(', ');
  const v = value as XlScalar;
  if (v === null || v === '') return blank;
  // A number as Excel shows it, and as the rules read it: 15 significant digits (POLICY §0).
  if (typeof v === 'number') return String(Number(v.toPrecision(15)));
  return typeof v === 'boolean' ? String(v).toUpperCase() : String(v);
}

function Args({ args }: { readonly args: readonly ArgView[] }) {
  const { t, lang } = useStrings();
  const view = useViewStyles();
  const E = t.explain;
  return (
    <section className={view.section} aria-label={E.argsHeading}>
      <Subtitle2 as="h3" className={view.heading}>
        {E.argsHeading}
      </Subtitle2>
      <Table size="small" className={view.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{E.param}</TableHeaderCell>
            <TableHeaderCell>{E.written}</TableHeaderCell>
            <TableHeaderCell>{E.value}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {args.map((a) => (
            <TableRow key={a.param}>
              <TableCell className={view.wrap}>{paramLabel(a.param, lang)}</TableCell>
              <TableCell className={view.mono}>
                {a.text === '' ? E.omitted(a.defaultText) : a.text}
              </TableCell>
              <TableCell className={view.wrap}>{show(a.value, E.blank)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

function Outcome({ result }: { readonly result: RuleView }) {
  const { t, lang } = useStrings();
  const view = useViewStyles();
  const E = t.explain;
  if (!result.ok) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>
            {E.errorHeading(result.code, paramLabel(result.param, lang))}
          </MessageBarTitle>
          {result.message[lang]}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <section className={view.section} aria-label={E.result}>
      <Text>
        {E.result}: <Text weight="semibold">{result.value}</Text>
      </Text>
      {result.explanation && (
        <Text>
          {E.decidingRule}: {result.explanation.text[lang]}{' '}
          <Caption1 className={view.muted}>
            ({t.common.article}
            {t.common.colon}
            {articleText(result.explanation.article, lang)})
          </Caption1>
        </Text>
      )}
      {result.items && (
        <>
          <Subtitle2 as="h3" className={view.heading}>
            {E.itemsHeading}
          </Subtitle2>
          <Table size="small" className={view.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{E.item}</TableHeaderCell>
                <TableHeaderCell>{E.points}</TableHeaderCell>
                <TableHeaderCell>{E.how}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.items.map((i) => (
                <TableRow key={i.item}>
                  <TableCell className={view.wrap}>{E.items[i.item]}</TableCell>
                  <TableCell className={view.wrap}>{i.points}</TableCell>
                  <TableCell className={view.mono}>{i.how?.[lang] ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}

function Explained({ r }: { readonly r: ExplainResult }) {
  const { t, lang } = useStrings();
  const view = useViewStyles();
  const E = t.explain;
  const cell = `${r.selection.sheet}!${r.selection.address}`;
  const note = (text: string) => (
    <MessageBar intent="info">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
  switch (r.kind) {
    case 'no-cm':
      return note(E.noCm(cell));
    case 'unknown-function':
      return note(
        r.suggestion
          ? `${E.unknownFunction(r.name)}${lang === 'zh' ? '' : ' '}${E.didYouMean(r.suggestion)}`
          : E.unknownFunction(r.name),
      );
    case 'unsupported-arg':
      return note(E.unsupportedArg(paramLabel(r.param, lang), r.text));
    case 'upstream-error':
      return (
        <>
          {note(E.upstream(paramLabel(r.param, lang), r.error))}
          <Args args={r.args} />
        </>
      );
    case 'explained':
      return (
        <>
          {r.spill && (
            <Body1 data-testid="spilled">
              {E.spilled(r.selection.address, r.spill.anchor, r.spill.range)}
            </Body1>
          )}
          <Text weight="semibold" className={view.mono}>
            {r.spill ? r.spill.formula : r.selection.formula}
          </Text>
          {r.lifted && <Caption1 className={view.muted}>{E.lifted}</Caption1>}
          <Outcome result={r.result} />
          <Args args={r.args} />
        </>
      );
  }
}

export function ExplainView({
  host,
  policy,
}: {
  readonly host: WorkbookHost;
  readonly policy: Policy;
}) {
  const { t } = useStrings();
  const view = useViewStyles();
  const run = useRun<ExplainResult>();
  const { start } = run;

  const refresh = useCallback(
    () => start(async () => explainSelection(host, await host.getSelection(), policy)),
    [host, policy, start],
  );

  useEffect(() => {
    void refresh();
    let stop: (() => Promise<void>) | undefined;
    let live = true;
    host
      .onSelectionChanged?.(() => void refresh())
      .then((off) => {
        if (live) stop = off;
        else void off();
      })
      .catch(() => undefined);
    return () => {
      live = false;
      void stop?.();
    };
  }, [host, refresh]);

  const r = run.state.status === 'done' ? run.state.value : undefined;
  return (
    <div className={view.view}>
      <div className={view.row}>
        <Button onClick={() => void refresh()}>{t.explain.refresh}</Button>
        {r && (
          <Body1 className={view.muted}>
            {t.explain.selected(`${r.selection.sheet}!${r.selection.address}`)}
          </Body1>
        )}
      </div>
      <div aria-live="polite" className={view.section}>
        {r && <Explained r={r} />}
        {run.state.status === 'error' && <ErrorNote error={run.state.error} />}
      </div>
    </div>
  );
}
