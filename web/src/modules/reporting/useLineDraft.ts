import { useCallback, useRef, useState } from 'react';
import type { FieldIssue, ReportLine } from '@lantu/core';
import { isApiError } from '../../api/client';
import { bodyOf, changedFields, draftOf, type LineDraft } from './lines';
import { issuesOf } from './errors';
import { usePutLine, useRefetchReport } from './hooks';

/** Someone else saved the line meanwhile: their figures and what this user had typed (not saved). */
export interface LineConflict {
  theirs: ReportLine;
  mine: LineDraft;
}

export type SaveState = 'idle' | 'saving' | 'saved';

/** Line saves under way on the page; a step (submit) waits for them, so it judges what was typed. */
const inflight = new Set<Promise<void>>();

/** Resolves once every line save started so far has finished (whatever its outcome). */
export async function settleLineSaves(): Promise<void> {
  while (inflight.size > 0) await Promise.allSettled([...inflight]);
}

/**
 * A line's draft with its saving: the draft follows the saved line until the user types; saves are
 * queued one after another (each with the version the previous one produced), so a blur right after
 * another never collides with itself; a version conflict re-reads the report and keeps both sides.
 */
export function useLineDraft(reportId: string, line: ReportLine, fields: (keyof LineDraft)[], onSaved: (lineId: string) => void) {
  const put = usePutLine(reportId);
  const refetch = useRefetchReport(reportId);
  const [base, setBase] = useState(line);
  const [draft, setDraft] = useState(() => draftOf(line));
  const [state, setState] = useState<SaveState>('idle');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [conflict, setConflict] = useState<LineConflict | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const dirty = changedFields(draft, base, fields).length > 0;
  // adjusting state while rendering: the saved line moved on (a reload) and nothing is being typed
  if (line.version !== base.version && !dirty && state !== 'saving') {
    setBase(line);
    setDraft(draftOf(line));
  }
  const ref = useRef({ draft, base });
  ref.current = { draft, base };
  const queue = useRef<Promise<void>>(Promise.resolve());

  const saveNow = useCallback(async () => {
    const { draft: d, base: b } = ref.current;
    const changed = changedFields(d, b, fields);
    if (changed.length === 0) return;
    setState('saving');
    try {
      const saved = await put.mutateAsync({ lineId: b.id, body: bodyOf(d, changed, b.version) });
      ref.current.base = saved;
      setBase(saved);
      setIssues([]);
      setFailed(null);
      setConflict(null);
      setState('saved');
      onSaved(b.id);
    } catch (err) {
      setState('idle');
      if (isApiError(err) && err.code === 'version_conflict') {
        const fresh = (await refetch()).lines.find((l) => l.id === b.id);
        if (fresh) {
          setConflict({ theirs: fresh, mine: d });
          ref.current.base = fresh;
          setBase(fresh);
          setDraft(draftOf(fresh));
        }
        return;
      }
      const found = issuesOf(err);
      setIssues(found);
      setFailed(found.length > 0 ? null : err);
    }
  }, [fields, put, refetch, onSaved]);

  const save = useCallback(() => {
    const next = queue.current.then(saveNow);
    queue.current = next;
    inflight.add(next);
    void next.finally(() => inflight.delete(next));
    return next;
  }, [saveNow]);

  const change = useCallback((patch: Partial<LineDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setState('idle');
  }, []);

  return { draft, change, save, dirty, state, issues, conflict, failed, dismissConflict: () => setConflict(null) };
}
