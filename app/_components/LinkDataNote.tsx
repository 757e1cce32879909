'use client';

/**
 * A link's data that this tab does not have (issue 10 "Links"): uploaded reports live only in the
 * tab they were uploaded in, so a link made there and opened anywhere else lacks their rows. This
 * keeps the URL's `u=1` marker up to date for the sender (lib/query/share-state.ts
 * stateInvolvesUploads) and, for the receiver, says why rows are missing and what to do (upload
 * the same files, or ask the sender for the CSV) instead of a bare 「共 0 行」 (linkDataNote).
 */
import { useEffect } from 'react';
import { linkDataNote, stateInvolvesUploads } from '@/lib/query/share-state';
import type { FilterOptions } from '@/lib/query/views';
import type { DashboardUrl } from '../_lib/use-dashboard-url';
import { NO_OPTIONS } from '../_lib/use-filter-options';
import ErrorBox from './ErrorBox';
import SentenceText from './SentenceText';
import { useT } from '../_lib/lang-context';

/** Props of {@link LinkDataNote}: the URL state, this tab's uploaded reports (份) and the filter's choices. */
export interface LinkDataNoteProps {
  url: Pick<DashboardUrl, 'filter' | 'display' | 'linkMarkedUploads' | 'setInvolvesUploads' | 'urlRead'>;
  uploads: number;
  options: FilterOptions;
}

/** The note (nothing when the link's data is all here); see the module comment. */
export default function LinkDataNote({ url, uploads, options }: LinkDataNoteProps) {
  const { t } = useT();
  const { filter, display, setInvolvesUploads } = url;
  const loaded = options === NO_OPTIONS ? null : options.agencies;
  const involves = stateInvolvesUploads({ uploads, uploadedAgencies: options.uploadedAgencies, filter, compare: display.compare });
  useEffect(() => setInvolvesUploads(involves), [involves, setInvolvesUploads]);
  if (!url.urlRead) return null;
  const note = linkDataNote({ marked: url.linkMarkedUploads, uploadsHere: uploads, chosen: [...filter.agencies, ...display.compare], loadedAgencies: loaded }, t);
  if (!note) return null;
  return <ErrorBox testId="link-data-note" title={note.title} message={<SentenceText parts={note.messageParts} />} what={note.what} />;
}
