/**
 * The guide's item search: an ARIA 1.2 combobox (editable, list autocomplete) over the compact index.
 * The index is fetched once, on first focus, and kept in memory, so typing never touches the network and the
 * search keeps working offline. All text comes in as props: this island must not import the i18n module.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TargetedInputEvent, TargetedKeyboardEvent } from 'preact';
import type { WasteCategory } from '../../lib/waste/categories.ts';
import type { CompactIndex } from '../../lib/waste/index-format.ts';
import { prepareIndex, searchItems, type WasteEntry, type WasteSearchIndex } from '../../lib/waste/search.ts';
import { categoryIconPaths } from './icons.ts';

export interface SearchStrings {
  label: string;
  hint: string;
  listLabel: string;
  /** Result count, with `{n}` for the number: one and other plural forms. */
  countOne: string;
  countOther: string;
  /** Shown when more matches exist than are listed, with `{n}` for the number listed. */
  more: string;
  none: string;
  loading: string;
  error: string;
  goesIn: string;
  report: string;
}

export interface CategoryStrings {
  name: string;
  href: string;
  linkLabel: string;
}

interface Props {
  /** 'zh-cn' or 'en': which name and tip come first. */
  locale: string;
  indexUrl: string;
  reportHref: string;
  strings: SearchStrings;
  categories: Record<WasteCategory, CategoryStrings>;
  /** Unique per page, for the element ids. */
  idPrefix?: string;
}

const LIMIT = 8;

let indexPromise: Promise<WasteSearchIndex> | null = null;

/** Loads the index once per page; a failed load may be retried on the next focus. */
function loadIndex(url: string): Promise<WasteSearchIndex> {
  indexPromise ??= fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<CompactIndex>;
    })
    .then(prepareIndex)
    .catch((error: unknown) => {
      indexPromise = null;
      throw error;
    });
  return indexPromise;
}

function Icon({ category }: { category: WasteCategory }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {categoryIconPaths[category].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

export default function WasteSearch({
  locale,
  indexUrl,
  reportHref,
  strings,
  categories,
  idPrefix = 'waste-search',
}: Props) {
  const zh = locale !== 'en';
  const otherLang = zh ? 'en' : 'zh-CN';
  const ids = {
    input: `${idPrefix}-input`,
    hint: `${idPrefix}-hint`,
    list: `${idPrefix}-listbox`,
    option: (k: number) => `${idPrefix}-option-${k}`,
    result: `${idPrefix}-result`,
  };

  const [index, setIndex] = useState<WasteSearchIndex | null>(null);
  const [loadState, setLoadState] = useState<'idle' | 'loading' | 'error'>('idle');
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState(false);
  const [active, setActive] = useState(-1);
  const [chosen, setChosen] = useState<WasteEntry | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const listRef = useRef<HTMLUListElement>(null);

  const outcome = useMemo(
    () => (index && query.trim() ? searchItems(index, query, LIMIT) : { results: [], total: 0 }),
    [index, query],
  );
  const results = outcome.results;
  const open = expanded && results.length > 0;

  const nameOf = (entry: WasteEntry) => (zh ? entry.nameZh : entry.nameEn);
  const otherNameOf = (entry: WasteEntry) => (zh ? entry.nameEn : entry.nameZh);
  const tipOf = (entry: WasteEntry) => (zh ? entry.tipZh : entry.tipEn);
  const countText = (n: number) =>
    (new Intl.PluralRules(zh ? 'zh-CN' : 'en').select(n) === 'one'
      ? strings.countOne
      : strings.countOther
    ).replace('{n}', String(n));

  function ensureIndex() {
    if (index || loadState === 'loading') return;
    setLoadState('loading');
    loadIndex(indexUrl).then(
      (loaded) => {
        setIndex(loaded);
        setLoadState('idle');
      },
      () => setLoadState('error'),
    );
  }

  // Announce the number of results once typing pauses, so a screen reader is not interrupted on every key.
  useEffect(() => {
    if (!query.trim()) return setAnnouncement('');
    if (!index) return setAnnouncement(loadState === 'error' ? strings.error : strings.loading);
    const timer = setTimeout(() => {
      if (outcome.total === 0) setAnnouncement(strings.none);
      else if (outcome.total > results.length)
        setAnnouncement(`${countText(outcome.total)} ${strings.more.replace('{n}', String(results.length))}`);
      else setAnnouncement(countText(outcome.total));
    }, 350);
    return () => clearTimeout(timer);
  }, [outcome, index, loadState]);

  useEffect(() => {
    if (active < 0) return;
    document.getElementById(ids.option(active))?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  function choose(entry: WasteEntry) {
    setChosen(entry);
    setQuery(nameOf(entry));
    setExpanded(false);
    setActive(-1);
    setAnnouncement(`${nameOf(entry)}: ${categories[entry.category].name}`);
  }

  function onInput(event: TargetedInputEvent<HTMLInputElement>) {
    ensureIndex();
    setQuery(event.currentTarget.value);
    setExpanded(true);
    setActive(-1);
  }

  function onKeyDown(event: TargetedKeyboardEvent<HTMLInputElement>) {
    const count = results.length;
    switch (event.key) {
      case 'ArrowDown':
        if (!count) return;
        event.preventDefault();
        setExpanded(true);
        if (!event.altKey) setActive(open ? (active + 1) % count : 0);
        return;
      case 'ArrowUp':
        if (!count) return;
        event.preventDefault();
        if (event.altKey) return setExpanded(false);
        setExpanded(true);
        setActive(open && active > 0 ? active - 1 : count - 1);
        return;
      case 'Home':
      case 'End':
        // With an option highlighted, Home and End move within the list; otherwise they move the text cursor.
        if (!open || active < 0) return;
        event.preventDefault();
        setActive(event.key === 'Home' ? 0 : count - 1);
        return;
      case 'Enter': {
        // Enter with nothing highlighted takes the best match: typing a name and pressing Enter just works.
        const entry = open ? results[Math.max(active, 0)]?.entry : undefined;
        if (!entry) return;
        event.preventDefault();
        choose(entry);
        return;
      }
      case 'Escape':
        event.preventDefault();
        if (open) {
          setExpanded(false);
          setActive(-1);
        } else {
          setQuery('');
          setChosen(null);
        }
        return;
    }
  }

  const status = !query.trim()
    ? ''
    : loadState === 'error'
      ? strings.error
      : !index
        ? strings.loading
        : outcome.total === 0
          ? strings.none
          : '';

  return (
    <div class="ws">
      <label class="ws-label" for={ids.input}>
        {strings.label}
      </label>
      <p class="ws-hint" id={ids.hint}>
        {strings.hint}
      </p>
      <input
        id={ids.input}
        class="ws-input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={ids.list}
        aria-activedescendant={open && active >= 0 ? ids.option(active) : undefined}
        aria-describedby={ids.hint}
        autocomplete="off"
        autocapitalize="none"
        spellcheck={false}
        enterKeyHint="search"
        value={query}
        onFocus={ensureIndex}
        onInput={onInput}
        onKeyDown={onKeyDown}
        onBlur={() => setExpanded(false)}
      />
      <ul
        id={ids.list}
        ref={listRef}
        class="ws-list"
        role="listbox"
        aria-label={strings.listLabel}
        hidden={!open}
      >
        {results.map(({ entry }, k) => (
          <li
            key={entry.id}
            id={ids.option(k)}
            role="option"
            aria-selected={k === active}
            class={`ws-option cat-${entry.category}`}
            // Keep focus in the input (APG): choose on click without blurring first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(entry)}
          >
            <span class="ws-name">
              {nameOf(entry)}{' '}
              <span class="ws-alt" lang={otherLang}>
                {otherNameOf(entry)}
              </span>
            </span>
            <span class="cat-badge">
              <Icon category={entry.category} />
              {categories[entry.category].name}
            </span>
            {tipOf(entry) && <span class="ws-tip">{tipOf(entry)}</span>}
          </li>
        ))}
      </ul>
      {status && (
        <p class="ws-status" aria-hidden="true">
          {status}
        </p>
      )}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {chosen && (
        <section
          class={`ws-result cat-${chosen.category}`}
          id={ids.result}
          aria-labelledby={`${ids.result}-title`}
        >
          <h3 class="ws-result-title" id={`${ids.result}-title`}>
            {nameOf(chosen)}{' '}
            <span class="ws-alt" lang={otherLang}>
              {otherNameOf(chosen)}
            </span>
          </h3>
          <p class="ws-result-bin">
            {strings.goesIn}{' '}
            <span class="cat-badge">
              <Icon category={chosen.category} />
              {categories[chosen.category].name}
            </span>
          </p>
          {tipOf(chosen) && <p class="ws-result-tip">{tipOf(chosen)}</p>}
          <ul class="ws-result-links">
            <li>
              <a href={categories[chosen.category].href}>{categories[chosen.category].linkLabel}</a>
            </li>
            <li>
              <a href={reportHref}>{strings.report}</a>
            </li>
          </ul>
        </section>
      )}
    </div>
  );
}
