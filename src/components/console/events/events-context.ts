/** Links of the clean-day screens: the console's events pages and the public event page. */
import { createContext, useContext } from 'react';

export interface EventsLinks {
  /** e.g. '/en/console/events/' */
  eventsPath: string;
  /** The public event page, e.g. '/en/events/view/' (the id is added as ?id=). */
  publicEventPath: string;
}

export const EventsContext = createContext<EventsLinks | null>(null);

export function useEventsLinks(): EventsLinks {
  const value = useContext(EventsContext);
  if (!value) throw new Error('useEventsLinks outside the clean-day console');
  return value;
}
