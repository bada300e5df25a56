/**
 * Functions: the CM function reference, generated from the one function table, and Insert,
 * which puts the function's worked example into the selected cell as a template to edit.
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  SearchBox,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { FUNCTION_TABLE, type FunctionSpec } from '../../functions';
import type { WorkbookHost } from '../../host/port';
import { articleText, paramLabel, PARAM_LABELS, type Lang } from '../../rules';
import { ErrorNote, useViewStyles } from '../components';
import { useStrings } from '../i18n';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottomWidth: tokens.strokeWidthThin,
    borderBottomStyle: 'solid',
    borderBottomColor: tokens.colorNeutralStroke2,
  },
  params: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/** True when every word of the query is found in the function's name, help or parameters. */
export function matchesQuery(spec: FunctionSpec, query: string, lang: Lang): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = [
    spec.name,
    `CM.${spec.name}`,
    spec.help.zh,
    spec.help.en,
    articleText(spec.article, lang),
    ...spec.params.flatMap((p) => [
      p.name,
      PARAM_LABELS[p.name]?.zh ?? '',
      PARAM_LABELS[p.name]?.en ?? '',
    ]),
  ]
    .join(' ')
    .toLowerCase();
  return words.every((w) => text.includes(w) || text.includes(w.replace(/[\s_]+/g, ' ')));
}

/** The formula Insert writes: the function's own worked example, a valid formula to edit. */
export function insertTemplate(spec: FunctionSpec): string {
  return spec.example.formula.startsWith('=') ? spec.example.formula : `=${spec.example.formula}`;
}

function FunctionCard({
  spec,
  onInsert,
}: {
  readonly spec: FunctionSpec;
  readonly onInsert: (spec: FunctionSpec) => void;
}) {
  const { t, lang } = useStrings();
  const styles = useStyles();
  const view = useViewStyles();
  const F = t.functions;
  const id = `fn-${spec.name}`;
  return (
    <section className={styles.card} aria-labelledby={id}>
      <Subtitle2 as="h3" id={id} className={mergeClasses(view.heading, view.mono)}>
        CM.{spec.name}
      </Subtitle2>
      <Body1>{spec.help[lang]}</Body1>
      {spec.article && (
        <Caption1 className={view.muted}>
          {t.common.article}
          {t.common.colon}
          {articleText(spec.article, lang)}
        </Caption1>
      )}
      <Text weight="semibold">{F.params}</Text>
      {spec.params.length === 0 ? (
        <Caption1>{F.noParams}</Caption1>
      ) : (
        <ul className={styles.params}>
          {spec.params.map((p) => (
            <li key={p.name}>
              <Text weight="semibold">{paramLabel(p.name, lang)}</Text>{' '}
              <Caption1 className={view.muted}>
                ({p.optional ? F.optional : F.required}
                {p.optional && p.defaultText !== undefined ? `, ${F.defaultIs(p.defaultText)}` : ''}
                )
              </Caption1>{' '}
              — {p.help[lang]}
            </li>
          ))}
        </ul>
      )}
      <Text>
        {F.returns}: {spec.result.help[lang]}
      </Text>
      <Text>
        {F.example}
        {t.common.colon}
        {/* A formula and the value it returns are code, shown as they are in every language. */}
        <span className={view.mono} translate="no">
          {spec.example.formula}
        </span>{' '}
        →{' '}
        <span className={view.mono} translate="no">
          {spec.example.result}
        </span>
      </Text>
      <div className={view.row}>
        <Button size="small" onClick={() => onInsert(spec)}>
          {F.insert(spec.name)}
        </Button>
      </div>
    </section>
  );
}

export function FunctionsView({ host }: { readonly host: WorkbookHost }) {
  const { t, lang } = useStrings();
  const [query, setQuery] = useState('');
  const shown = useMemo(
    () => FUNCTION_TABLE.filter((spec) => matchesQuery(spec, query, lang)),
    [query, lang],
  );
  const view = useViewStyles();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);

  const insert = async (spec: FunctionSpec) => {
    setError(null);
    setNote('');
    try {
      const selection = await host.getSelection();
      const formula = insertTemplate(spec);
      await host.setFormula(selection.sheet, selection.address, formula);
      setNote(t.functions.inserted(formula, `${selection.sheet}!${selection.address}`));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className={view.view}>
      <Body1>{t.functions.intro}</Body1>
      {/* Spills are refused inside Tables: Excel.SpillErrorCellValueSubType "Table", "entering a
          dynamic array formula in a table" (learn.microsoft.com/javascript/api/excel). */}
      <Body1 data-testid="functions-ranges">{t.functions.ranges}</Body1>
      <div aria-live="polite">
        {note && (
          <MessageBar intent="success">
            <MessageBarBody>{note}</MessageBarBody>
          </MessageBar>
        )}
        {error !== null && <ErrorNote error={error} />}
      </div>
      <Field label={t.functions.search}>
        <SearchBox
          value={query}
          onChange={(_, d) => setQuery(d.value)}
          dismiss={{ 'aria-label': t.functions.clear }}
          aria-controls="cm-function-list"
        />
      </Field>
      <div id="cm-function-list" aria-live="polite">
        {shown.length === 0 && <Body1>{t.functions.noMatch(query)}</Body1>}
        {shown.map((spec) => (
          <FunctionCard key={spec.name} spec={spec} onInsert={(s) => void insert(s)} />
        ))}
      </div>
    </div>
  );
}
