'use client';

import { LIMITS } from '@seatkit/core';
import { useId, useState, type ChangeEvent, type Ref } from 'react';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { useSlots } from '../ui/class-names.js';
import { Field, Textarea } from '../ui/field.js';
import { PlusIcon, UploadIcon } from '../ui/icons.js';

/** What adding a pasted list or a file did: rows added, and the lines that were not addresses. */
export interface InviteListReport {
  added: number;
  problems: string[];
}

export interface InviteListToolsProps {
  /** The form holds `LIMITS.batchSize` rows: no more can be added. */
  atLimit: boolean;
  addButtonRef: Ref<HTMLButtonElement>;
  onAddRow: () => void;
  /** Adds the addresses of a pasted list or a CSV file as rows. */
  onAddList: (text: string) => InviteListReport;
}

/** "+ Add", "Paste a list" and "Upload CSV" under the invite rows, with the report of what a list added (announced). */
export function InviteListTools({ atLimit, addButtonRef, onAddRow, onAddList }: InviteListToolsProps) {
  const { messages, locale } = useSeatKit();
  const slot = useSlots();
  const t = messages.invite;
  const [pasteOpen, setPasteOpen] = useState(false);
  const [pasteText, setPasteText] = useState('');
  const [report, setReport] = useState<InviteListReport | null>(null);
  const fileId = useId();

  function addList(text: string) {
    const next = onAddList(text);
    setReport(next);
    if (next.added > 0) setPasteText('');
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (file) addList(await file.text());
  }

  return (
    <>
      <div {...slot('invite-tools')}>
        <Button ref={addButtonRef} size="sm" onClick={onAddRow} disabledReason={atLimit ? format(t.tooMany, { max: LIMITS.batchSize }, locale) : null}>
          <PlusIcon /> {t.addRow}
        </Button>
        <Button size="sm" variant="ghost" aria-expanded={pasteOpen} onClick={() => setPasteOpen((o) => !o)}>
          {t.pasteToggle}
        </Button>
        <input id={fileId} type="file" accept=".csv,text/csv,text/plain" {...slot('invite-file-input', 'seatkit-file-input')} onChange={(e) => void onFile(e)} />
        <label htmlFor={fileId} {...slot('invite-upload', 'seatkit-button')} data-variant="ghost" data-size="sm">
          <UploadIcon /> {t.uploadCsv}
        </label>
      </div>

      {pasteOpen ? (
        <div {...slot('invite-paste', 'seatkit-paste')}>
          <Field label={t.pasteLabel} description={t.pasteHelp}>
            {(control) => <Textarea {...control} rows={4} value={pasteText} onChange={(e) => setPasteText(e.currentTarget.value)} />}
          </Field>
          <div>
            <Button size="sm" disabled={!pasteText.trim()} onClick={() => addList(pasteText)}>
              {t.pasteApply}
            </Button>
          </div>
        </div>
      ) : null}
      <div role="status" aria-live="polite" {...slot('invite-paste-report')}>
        {report ? (
          <>
            <p {...slot('invite-paste-added', 'seatkit-invite-result')}>{format(t.pasteAdded, { count: report.added }, locale)}</p>
            {report.problems.length > 0 ? (
              <ul {...slot('invite-paste-problems', 'seatkit-paste-problems')}>
                {report.problems.map((p) => (
                  <li key={p} {...slot('invite-paste-problem')}>
                    {p}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
    </>
  );
}
