/** @jsxImportSource react */
/**
 * The console's clean-day island. Signing in, the session and the "no access" page are the console's own
 * (SignIn, NoAccess, ConsoleHeader and the session functions of src/lib/supabase/console.ts); this shell only
 * picks the clean-day screen. The database decides who may organise what: workers their own district.
 */
import { useMemo } from 'react';
import type { Locale } from '../../../i18n/index.ts';
import { ConsoleContext, WordsContext, type ConsoleContextValue } from '../context.ts';
import { translator, type Messages } from '../messages.ts';
import { useConsoleSession } from '../use-console-session.ts';
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
  const { identity, reference, loadError, signedIn } = useConsoleSession(t, messages);

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
