/** @jsxImportSource react */
/**
 * The console's clean-day island. Signing in, the session and the "no access" page are the console's own
 * (SignIn, NoAccess, ConsoleHeader and the session functions of src/lib/supabase/console.ts); this shell only
 * picks the clean-day screen. The database decides who may organise what: workers their own district.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Locale } from '../../../i18n/index.ts';
import {
  currentIdentity,
  fetchReferenceData,
  onIdentityChange,
  type ReferenceData,
  type StaffIdentity,
} from '../../../lib/supabase/console.ts';
import { ConsoleContext, WordsContext, errorText, type ConsoleContextValue } from '../context.ts';
import { translator, type Messages } from '../messages.ts';
import ConsoleHeader from '../ConsoleHeader.tsx';
import NoAccess from '../NoAccess.tsx';
import SignIn from '../SignIn.tsx';
import EventsNav from './EventsNav.tsx';
import EventsList from './EventsList.tsx';
import EventEditor from './EventEditor.tsx';
import EventManage from './EventManage.tsx';
import FromReports from './FromReports.tsx';
import { EventsContext } from './events-context.ts';
import '../console.css';
import './events-console.css';

export type EventsScreen = 'list' | 'edit' | 'event' | 'fromReports';

interface Props {
  locale: Locale;
  messages: Messages;
  basePath: string;
  publicEventPath: string;
  screen: EventsScreen;
}

export default function EventsConsoleApp({ locale, messages, basePath, publicEventPath, screen }: Props) {
  const t = useMemo(() => translator(messages), [messages]);
  const [identity, setIdentity] = useState<StaffIdentity | null | undefined>(undefined);
  const [reference, setReference] = useState<ReferenceData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [focusHeading, setFocusHeading] = useState(false);

  useEffect(() => {
    let active = true;
    void currentIdentity().then((found) => active && setIdentity(found));
    const stop = onIdentityChange((changed) =>
      setIdentity((previous) =>
        previous && changed && previous.id === changed.id && previous.role === changed.role
          ? previous
          : changed,
      ),
    );
    return () => {
      active = false;
      stop();
    };
  }, []);

  useEffect(() => {
    if (!identity?.role || reference) return;
    fetchReferenceData()
      .then(setReference)
      .catch((error: { key?: string }) => setLoadError(errorText(t, messages, error.key ?? 'unknown')));
  }, [identity, reference, t, messages]);

  // After signing in or out the page changed under the keyboard: take the reader to the new heading.
  useEffect(() => {
    if (!focusHeading) return;
    const heading = document.querySelector<HTMLElement>('.c-console h1');
    if (heading) {
      heading.focus();
      setFocusHeading(false);
    }
  });

  const signedIn = (next: StaffIdentity | null) => {
    setFocusHeading(true);
    setIdentity(next);
  };

  const words = useMemo(() => ({ locale, t, messages, basePath }), [locale, t, messages, basePath]);
  const value: ConsoleContextValue | null =
    identity?.role && reference ? { ...words, identity, reference } : null;
  return (
    <WordsContext.Provider value={words}>
      <div className="c-console">
        {identity === undefined ? (
          <p role="status">{t('console.loading')}</p>
        ) : identity === null ? (
          <SignIn onSignedIn={signedIn} />
        ) : !identity.role ? (
          <NoAccess identity={identity} onChange={signedIn} />
        ) : loadError ? (
          <p role="alert">{loadError}</p>
        ) : !value ? (
          <p role="status">{t('console.loading')}</p>
        ) : (
          <ConsoleContext.Provider value={value}>
            <EventsContext.Provider value={{ publicEventPath, eventsPath: `${basePath}events/` }}>
              <ConsoleHeader screen="events" onSignedOut={() => signedIn(null)} />
              <EventsNav screen={screen} />
              {screen === 'edit' ? (
                <EventEditor />
              ) : screen === 'event' ? (
                <EventManage />
              ) : screen === 'fromReports' ? (
                <FromReports />
              ) : (
                <EventsList />
              )}
            </EventsContext.Provider>
          </ConsoleContext.Provider>
        )}
      </div>
    </WordsContext.Provider>
  );
}
