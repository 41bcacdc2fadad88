/** @jsxImportSource react */
/** Who is signed in, the console's own navigation (admin pages for admins only) and signing out. */
import { signOut } from '../../lib/supabase/console.ts';
import { consoleHref, nameIn, useConsole } from './context.ts';
import type { ConsoleScreen } from './ConsoleApp.tsx';

/** The page being shown: one of this app's screens, or the clean-day pages (src/components/console/events/). */
type Current = ConsoleScreen | 'events';

export default function ConsoleHeader({ screen, onSignedOut }: { screen: Current; onSignedOut: () => void }) {
  const { t, locale, identity, reference, basePath } = useConsole();
  const links: { screen: Current; page: string; label: string }[] = [
    { screen: 'queue', page: '', label: t('console.nav.queue') },
    { screen: 'events', page: 'events/', label: t('console.nav.events') },
  ];
  if (identity.role === 'admin') {
    links.push(
      { screen: 'users', page: 'users/', label: t('console.nav.users') },
      { screen: 'categories', page: 'categories/', label: t('console.nav.categories') },
    );
  }
  const role = t(
    identity.role === 'admin'
      ? 'console.role.admin'
      : identity.role === 'staff'
        ? 'console.role.staff'
        : 'console.role.worker',
  );
  return (
    <div className="c-bar">
      <p className="c-bar__who">
        {t('console.signedInAs', { email: identity.email })}{' '}
        <span className="c-tag">
          {identity.district ? `${role} · ${nameIn(locale, reference.districts, identity.district)}` : role}
        </span>
      </p>
      <nav aria-label={t('console.nav.label')}>
        <ul className="c-bar__nav">
          {links.map((link) => (
            <li key={link.screen}>
              <a
                href={consoleHref(basePath, link.page)}
                aria-current={link.screen === screen ? 'page' : undefined}
              >
                {link.label}
              </a>
            </li>
          ))}
          <li>
            <button type="button" className="c-link-button" onClick={() => void signOut().then(onSignedOut)}>
              {t('console.signOut')}
            </button>
          </li>
        </ul>
      </nav>
    </div>
  );
}
