/** @jsxImportSource react */
/**
 * The staff console island. It keeps the Supabase session (stored by supabase-js, so it survives reloads),
 * shows the sign-in form to visitors, a polite "no access" page to accounts without a role, and otherwise the
 * screen the Astro page asked for. Every rule about who may do what is checked by the database; the console
 * only hides what a role cannot use.
 */
import { useMemo } from 'react';
import type { Locale } from '../../i18n/index.ts';
import { ConsoleContext, WordsContext, type ConsoleContextValue } from './context.ts';
import { translator, type Messages } from './messages.ts';
import { useConsoleSession } from './use-console-session.ts';
import ConsoleHeader from './ConsoleHeader.tsx';
import SignIn from './SignIn.tsx';
import NoAccess from './NoAccess.tsx';
import SetPassword from './SetPassword.tsx';
import Queue from './Queue.tsx';
import ReportDetail from './ReportDetail.tsx';
import Users from './Users.tsx';
import Categories from './Categories.tsx';
import './console.css';

export type ConsoleScreen = 'queue' | 'report' | 'users' | 'categories' | 'password';

interface Props {
  locale: Locale;
  messages: Messages;
  basePath: string;
  screen: ConsoleScreen;
}

const ADMIN_SCREENS: ConsoleScreen[] = ['users', 'categories'];

export default function ConsoleApp({ locale, messages, basePath, screen }: Props) {
  const t = useMemo(() => translator(messages), [messages]);
  const { identity, reference, loadError, signedIn } = useConsoleSession(t, messages);

  const words = useMemo(() => ({ locale, t, messages, basePath }), [locale, t, messages, basePath]);
  return (
    <WordsContext.Provider value={words}>
      <div className="c-console">
        {screen === 'password' ? (
          <SetPassword />
        ) : identity === undefined ? (
          <p role="status">{t('console.loading')}</p>
        ) : identity === null ? (
          <SignIn onSignedIn={signedIn} />
        ) : !identity.role ? (
          <NoAccess identity={identity} onChange={signedIn} />
        ) : loadError ? (
          <p role="alert">{loadError}</p>
        ) : !reference ? (
          <p role="status">{t('console.loading')}</p>
        ) : (
          <StaffScreens
            value={{ ...words, identity, reference }}
            screen={screen}
            onSignedOut={() => signedIn(null)}
          />
        )}
      </div>
    </WordsContext.Provider>
  );
}

function StaffScreens({
  value,
  screen,
  onSignedOut,
}: {
  value: ConsoleContextValue;
  screen: ConsoleScreen;
  onSignedOut: () => void;
}) {
  const { t, identity } = value;
  const allowed = !ADMIN_SCREENS.includes(screen) || identity.role === 'admin';
  return (
    <ConsoleContext.Provider value={value}>
      <ConsoleHeader screen={screen} onSignedOut={onSignedOut} />
      {!allowed ? (
        <section>
          <h1 tabIndex={-1}>{t('console.adminOnly.title')}</h1>
          <p>{t('console.adminOnly.body')}</p>
        </section>
      ) : screen === 'report' ? (
        <ReportDetail />
      ) : screen === 'users' ? (
        <Users />
      ) : screen === 'categories' ? (
        <Categories />
      ) : (
        <Queue />
      )}
    </ConsoleContext.Provider>
  );
}
