import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvMapping } from '../../../../shared/actuals/mapping';
import { describeCsvError } from '../../../../shared/actuals/messages';
import { factsOf, type CsvImportResult } from '../../../../shared/actuals/options';
import { applyImport } from '../../../../shared/actuals/store';
import { CsvImportError } from '../../../../shared/actuals/types';
import type { ApiError } from '../../../../shared/api/errors';
import type { SavedCsvMapping } from '../../../../shared/api/ops/csvMappings';
import { describeError } from '../../../../shared/i18n';
import { LIMITS } from '../../../../shared/model/limits';
import { api } from '../../../api/apiClient';
import { useActualsStore, useResultsAgreement } from '../ResultsContext';
import type { WorkerOptions } from './csvWorkerProtocol';
import { FileDropZone } from './FileDropZone';
import { formatBytes } from './format';
import { runImport, type RunningImport } from './importRunner';
import { createProgressStore, ImportProgressView, type ProgressStore } from './ImportProgressView';
import { defaultChoices, ImportOptions, SAVED_PREFIX, type ImportChoices } from './ImportOptions';
import { ImportResultView } from './ImportResultView';
import { MappingBuilder } from './MappingBuilder';
import { createPreviewer, type PreviewOutcome, type Previewer } from './previewRunner';
import { PreviewTable } from './PreviewTable';

type Phase =
  | { kind: 'choose' }
  | { kind: 'running'; progress: ProgressStore }
  | { kind: 'read'; result: CsvImportResult; changes: { added: string[]; changed: string[] } }
  | { kind: 'saved'; months: number };

type Notice = { kind: 'error'; text: string } | { kind: 'info'; text: string } | null;

/** The worker's preview, with the file and options it was read for (a newer pick or choice makes it stale). */
type HeadRead = { file: File; options: WorkerOptions; outcome: Exclude<PreviewOutcome, { kind: 'crashed' }> };

/**
 * The CSV import of the results screen: a file picked or dropped, read how the user says (detected values
 * shown, each overridable), its first rows previewed with the mapping applied, then imported with progress
 * and cancel. Both the preview and the import run in the Web Worker: the page only renders what it answers.
 * Nothing is written until the user saves what the import read.
 */
export function ImportPanel({ onShowFigures }: { onShowFigures: () => void }) {
  const { t, i18n } = useTranslation();
  const agreement = useResultsAgreement();
  const actuals = useActualsStore();
  const [file, setFile] = useState<File | null>(null);
  const [read, setRead] = useState<HeadRead | null>(null);
  const [choices, setChoices] = useState<ImportChoices>(defaultChoices);
  const [saved, setSaved] = useState<SavedCsvMapping[]>([]);
  const [builderOpen, setBuilderOpen] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [notice, setNotice] = useState<Notice>(null);
  const [ambiguous, setAmbiguous] = useState(false);
  const [saving, setSaving] = useState(false);
  const running = useRef<RunningImport | null>(null);
  const previewer = useRef<Previewer | null>(null);

  useEffect(() => {
    void api()
      .send('csvMappings.list', {})
      .then((r) => r.ok && setSaved(r.value.mappings));
  }, []);
  // Leaving the tab mid-import stops the worker: it writes nothing, so nothing is lost.
  useEffect(() => () => running.current?.cancel(), []);
  useEffect(() => () => previewer.current?.dispose(), []);

  const mappingChoice = useMemo((): WorkerOptions['mapping'] | null => {
    if (!choices.source.startsWith(SAVED_PREFIX)) return choices.source === 'hubspot' || choices.source === 'salesforce' ? choices.source : 'auto';
    return saved.find((s) => `${SAVED_PREFIX}${s.id}` === choices.source)?.mapping ?? null;
  }, [choices.source, saved]);

  const options = useMemo((): WorkerOptions | null => {
    if (!mappingChoice) return null;
    const facts = factsOf(agreement);
    return {
      facts: { ...facts, stages: [...facts.stages] },
      mapping: mappingChoice,
      encoding: choices.encoding,
      dateOrder: choices.dateOrder,
      decimalSeparator: choices.decimal,
      timeZone: choices.timeZone,
      requiredAttempts: agreement.protocol.contactAttempts,
    };
  }, [agreement, mappingChoice, choices]);

  // The preview is read in the worker whenever the file or a choice changes; the page never parses.
  useEffect(() => {
    if (!file || !options) return;
    let live = true;
    previewer.current ??= createPreviewer();
    void previewer.current.request(file, options).then((outcome) => {
      if (!live || outcome === 'stale') return;
      if (outcome.kind === 'crashed') {
        setFile(null);
        setRead(null);
        setNotice({ kind: 'error', text: t('results.import.drop.readFailed', { reason: outcome.message }) });
        return;
      }
      // A transition: React renders a wide preview table in slices, never as one long task on the page.
      startTransition(() => setRead({ file, options, outcome }));
    });
    return () => {
      live = false;
    };
  }, [file, options, t]);

  const current = read && read.file === file && read.options === options ? read.outcome : null;
  const shown = read && read.file === file ? read.outcome : null;
  const preview = shown?.kind === 'preview' ? shown.preview : null;
  const previewError = shown?.kind === 'failed' ? shown.error : null;
  const header = shown?.header ?? [];
  const needsDateOrder = (ambiguous || previewError?.code === 'ambiguous_dates') && choices.dateOrder === 'auto';

  const pickFile = useCallback((picked: File) => {
    setNotice(null);
    setAmbiguous(false);
    setPhase({ kind: 'choose' });
    setFile(picked);
    setRead(null);
  }, []);

  const start = async () => {
    if (!file || !options) return;
    setNotice(null);
    const progress = createProgressStore({ bytesRead: 0, totalBytes: file.size, records: 0 });
    setPhase({ kind: 'running', progress });
    const handle = runImport(file, options, progress.set);
    running.current = handle;
    const outcome = await handle.outcome;
    running.current = null;
    if (outcome.kind === 'done') {
      const { changed, added } = applyImport(actuals.getState().months, outcome.result.months, stampFor(file, outcome.result));
      // A transition: the result (months, rejected rows) is rendered in slices, not as one long task.
      startTransition(() => setPhase({ kind: 'read', result: outcome.result, changes: { changed, added } }));
      return;
    }
    setPhase({ kind: 'choose' });
    if (outcome.kind === 'crashed') setNotice({ kind: 'error', text: t('results.import.run.crashed', { message: outcome.message }) });
    else if (outcome.code === 'cancelled') setNotice({ kind: 'info', text: t('results.import.run.cancelled') });
    else {
      if (outcome.code === 'ambiguous_dates') setAmbiguous(true);
      setNotice({ kind: 'error', text: describeCsvError(t, new CsvImportError(outcome.code, outcome.params)) });
    }
  };

  const save = async (result: CsvImportResult) => {
    if (!file) return;
    setSaving(true);
    // Applied to the months as they are now: a figure typed in the grid since the import ran is not lost.
    const applied = applyImport(actuals.getState().months, result.months, stampFor(file, result));
    const outcome = await actuals.getState().replaceMonths(applied.months);
    setSaving(false);
    if (outcome.ok) setPhase({ kind: 'saved', months: result.months.length });
    else setNotice({ kind: 'error', text: t('results.import.result.saveFailed', { reason: describeError(t, outcome.error) }) });
  };

  const saveMapping = async (mapping: CsvMapping): Promise<ApiError | null> => {
    const reply = await api().send('csvMappings.save', { mapping });
    if (!reply.ok) return reply.error;
    setSaved(reply.value.mappings);
    const entry = reply.value.mappings.find((m) => m.mapping.name === mapping.name);
    if (entry) setChoices((c) => ({ ...c, source: `${SAVED_PREFIX}${entry.id}` }));
    return null;
  };
  const deleteMapping = async (id: string) => {
    const reply = await api().send('csvMappings.delete', { id });
    if (reply.ok) {
      setSaved(reply.value.mappings);
      setChoices((c) => ({ ...c, source: 'auto' }));
    } else setNotice({ kind: 'error', text: describeError(t, reply.error) });
  };

  const busy = phase.kind === 'running' || saving;
  const lang = i18n.language;

  return (
    <Stack gap="lg">
      <Text>{t('results.import.intro')}</Text>
      {phase.kind === 'saved' ? (
        <Alert color="green" role="status" data-testid="csv-saved">
          <Stack gap="sm">
            <Text>{t('results.import.result.saved', { count: phase.months })}</Text>
            <Group>
              <Button onClick={onShowFigures}>{t('results.import.result.showFigures')}</Button>
              <Button variant="default" onClick={() => setPhase({ kind: 'choose' })}>
                {t('results.import.result.another')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <FileDropZone onFile={pickFile} disabled={busy} />
      )}
      {file && phase.kind !== 'saved' && (
        <Text fw={500} data-testid="csv-file">
          {t('results.import.drop.selected', { name: file.name, size: formatBytes(lang, file.size) })}
        </Text>
      )}
      {notice && (
        <Alert color={notice.kind === 'error' ? 'red' : 'blue'} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="csv-notice">
          {notice.text}
        </Alert>
      )}
      {file && !shown && phase.kind === 'choose' && (
        <Text size="sm" role="status" data-testid="csv-reading">
          {t('results.import.preview.reading')}
        </Text>
      )}
      {file && shown && phase.kind === 'choose' && (
        <>
          <ImportOptions
            choices={choices}
            onChange={setChoices}
            saved={saved}
            detected={preview ? preview.detected : null}
            needsDateOrder={needsDateOrder}
            canBuild={header.length > 0}
            onBuild={() => setBuilderOpen(true)}
            onDelete={(id) => void deleteMapping(id)}
            disabled={busy}
          />
          {previewError && previewError.code !== 'ambiguous_dates' && (
            <Alert color="red" role="alert" data-testid="csv-preview-error">
              {describeCsvError(t, previewError)}
            </Alert>
          )}
          {preview && <PreviewTable preview={preview} fileName={file.name} stages={agreement.lifecycle.stages} />}
          <Group>
            <Button data-testid="csv-start" onClick={() => void start()} disabled={!options || !current || !!previewError || needsDateOrder}>
              {t('results.import.run.start')}
            </Button>
          </Group>
        </>
      )}
      {phase.kind === 'running' && <ImportProgressView store={phase.progress} onCancel={() => running.current?.cancel()} />}
      {phase.kind === 'read' && (
        <ImportResultView
          result={phase.result}
          changes={phase.changes}
          saving={saving}
          onSave={() => void save(phase.result)}
          onDiscard={() => setPhase({ kind: 'choose' })}
        />
      )}
      <MappingBuilder opened={builderOpen} header={header} stages={agreement.lifecycle.stages} onClose={() => setBuilderOpen(false)} onSave={saveMapping} />
    </Stack>
  );
}

function stampFor(file: File, result: CsvImportResult) {
  return {
    at: new Date().toISOString(),
    fileName: file.name.slice(0, LIMITS.shortText),
    preset: (result.detected.mapping.preset ?? result.detected.mapping.name).slice(0, LIMITS.shortText),
  };
}
