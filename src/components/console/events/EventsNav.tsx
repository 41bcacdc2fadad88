/** @jsxImportSource react */
/** The clean-day section's own links, under the console's bar. */
import { useConsole } from '../context.ts';
import type { ConsoleKey } from '../messages.ts';
import type { EventsScreen } from './EventsConsoleApp.tsx';
import { useEventsLinks } from './events-context.ts';

const LINKS: { screen: EventsScreen; page: string; label: ConsoleKey }[] = [
  { screen: 'list', page: '', label: 'console.events.nav.list' },
  { screen: 'edit', page: 'edit/', label: 'console.events.nav.new' },
  { screen: 'fromReports', page: 'from-reports/', label: 'console.events.nav.fromReports' },
];

export default function EventsNav({ screen }: { screen: EventsScreen }) {
  const { t } = useConsole();
  const { eventsPath } = useEventsLinks();
  const editing = typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('id');
  return (
    <nav aria-label={t('console.events.nav.label')} className="c-events-nav">
      <ul className="c-bar__nav">
        {LINKS.map((link) => (
          <li key={link.screen}>
            <a
              href={`${eventsPath}${link.page}`}
              aria-current={link.screen === screen && !(screen === 'edit' && editing) ? 'page' : undefined}
            >
              {t(link.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
