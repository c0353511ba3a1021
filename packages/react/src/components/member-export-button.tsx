'use client';

import { describeError, type MemberStatus } from '@seatkit/core';
import { useMutation } from '@tanstack/react-query';
import { useOrgId } from '../hooks/use-org-id.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { useSlots } from '../ui/class-names.js';
import { downloadFile } from '../ui/download.js';
import { DownloadIcon } from '../ui/icons.js';

export interface MemberExportFilters {
  query?: string;
  role?: string;
  status?: MemberStatus;
}

/**
 * "Export CSV" of `MemberList`: the server's export of the members matching the list's current filters (every
 * one of them, not only the loaded pages), saved as `members.csv`. Says how many were exported, or why not.
 */
export function MemberExportButton({ filters, onOutcome }: { filters: MemberExportFilters; onOutcome: (text: string) => void }) {
  const { client, messages, locale } = useSeatKit();
  const orgId = useOrgId();
  const t = messages.members;
  const slot = useSlots();
  const exporting = useMutation({
    mutationFn: async () => {
      const file = await client.members.export({ orgId: orgId ?? '', ...(filters.query && { query: filters.query }), ...(filters.role && { role: filters.role }), ...(filters.status && { status: filters.status }) });
      // One line per member after the header; names with line breaks are quoted, so count the file's records by CRLF.
      const count = (await file.text()).split('\r\n').length - 2;
      return { file, count };
    },
    onSuccess: ({ file, count }) => {
      downloadFile(file, 'members.csv');
      onOutcome(format(t.exported, { count }, locale));
    },
    onError: (error) => onOutcome(format(t.exportFailed, { reason: describeError(error, messages.common.errors) })),
  });
  return (
    <Button size="sm" variant="secondary" loading={exporting.isPending} onClick={() => exporting.mutate()} {...slot('member-export')}>
      <DownloadIcon />
      {t.exportCsv}
    </Button>
  );
}
