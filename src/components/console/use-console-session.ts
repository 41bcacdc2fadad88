/**
 * The console's session, shared by the reports console and the clean-day console: who is signed in (kept by
 * supabase-js, so it survives reloads), the reference data once a staff role is known, and moving focus to the
 * new page heading after signing in or out.
 */
import { useEffect, useRef, useState } from 'react';
import {
  currentIdentity,
  fetchReferenceData,
  onIdentityChange,
  type ReferenceData,
  type StaffIdentity,
} from '../../lib/supabase/console.ts';
import { errorText } from './context.ts';
import type { Messages, Translate } from './messages.ts';

export interface ConsoleSession {
  /** undefined while loading, null when signed out. */
  identity: StaffIdentity | null | undefined;
  reference: ReferenceData | null;
  loadError: string | null;
  /** Sign-in, sign-out or a role change: set the identity and move focus to the new heading. */
  signedIn: (next: StaffIdentity | null) => void;
}

export function useConsoleSession(t: Translate, messages: Messages): ConsoleSession {
  const [identity, setIdentity] = useState<StaffIdentity | null | undefined>(undefined);
  const [reference, setReference] = useState<ReferenceData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const moveFocus = useRef(false);

  useEffect(() => {
    let active = true;
    void currentIdentity().then((found) => active && setIdentity(found));
    const stop = onIdentityChange((changed) => {
      // Token refreshes report the same person: keep the object so screens do not reload.
      setIdentity((previous) =>
        previous && changed && previous.id === changed.id && previous.role === changed.role
          ? previous
          : changed,
      );
    });
    return () => {
      active = false;
      stop();
    };
  }, []);

  useEffect(() => {
    if (!identity?.role || reference) return;
    fetchReferenceData()
      .then(setReference)
      .catch((error: unknown) =>
        setLoadError(errorText(t, messages, (error as { key?: string }).key ?? 'unknown')),
      );
  }, [identity, reference, t, messages]);

  // After signing in (or out), the page changed under the keyboard user: put them at the new heading.
  useEffect(() => {
    if (!moveFocus.current) return;
    const heading = document.querySelector<HTMLElement>('.c-console h1');
    if (heading) {
      moveFocus.current = false;
      heading.focus();
    }
  });

  const signedIn = (next: StaffIdentity | null) => {
    moveFocus.current = true;
    setIdentity(next);
  };

  return { identity, reference, loadError, signedIn };
}
