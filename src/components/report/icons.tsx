/**
 * Report category icons (the categories.icon ids) as simple 24×24 line drawings of our own, in the text colour.
 * Decorative: the category's name is always written next to them.
 */
const paths: Record<string, string[]> = {
  broom: [
    'M20 3 12 11',
    'M9 9.5 14.5 15',
    'M9 9.5C5.5 10.5 3.5 14 3 20.5c6.5-.5 10-2.5 11.5-5.5',
    'M6.5 17l-2 2',
  ],
  trash: ['M7 8h10l2 12H5Z', 'M9.5 8c0-2.2 1-3.5 2.5-3.5S14.5 5.8 14.5 8', 'M3 20.5h18', 'M10 12.5l1 1'],
  'bin-full': ['M5 9h14', 'M6.5 9l1 11h9l1-11', 'M7 9c.5-3 2.5-5 5-5s4.5 2 5 5', 'M10 13v4', 'M14 13v4'],
  toilet: ['M6 3h4v7H6Z', 'M4 10h14c0 3-2 5-5 5H9l-1 6h8'],
  dumping: [
    'M2 15V8h10v7Z',
    'M12 10h4l3 3v4h-7',
    'M4 19a2 2 0 1 0 4 0a2 2 0 1 0-4 0',
    'M14 19a2 2 0 1 0 4 0a2 2 0 1 0-4 0',
    'M2 17h2',
    'M8 17h6',
  ],
  pest: [
    'M9 7.5a3 3 0 0 1 6 0',
    'M8 9h8v4a4 4 0 0 1-8 0Z',
    'M12 9v8',
    'M4 10h4',
    'M16 10h4',
    'M4 17l4-2',
    'M20 17l-4-2',
    'M9.5 3.5 10.5 5',
    'M14.5 3.5 13.5 5',
  ],
  sorting: ['M3 8h7l-1 12H4Z', 'M14 8h7l-1 12h-5Z', 'M6.5 4v2', 'M17.5 4v2', 'M2 8h9', 'M13 8h9'],
  tree: [
    'M12 22v-8',
    'M12 2c-4 3-6.5 6-6.5 9a6.5 6.5 0 0 0 13 0c0-3-2.5-6-6.5-9Z',
    'M12 17l-3-2.5',
    'M12 14l2.5-2',
  ],
  facility: ['M3 10h18', 'M3 14h18', 'M5 14v6', 'M19 14v6', 'M5 10V5', 'M19 10V5', 'M12 5v2'],
  other: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18', 'M8 12h.01', 'M12 12h.01', 'M16 12h.01'],
};

export function CategoryIcon({ icon }: { icon: string }) {
  return (
    <svg
      class="rf-icon"
      viewBox="0 0 24 24"
      width="28"
      height="28"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {(paths[icon] ?? paths.other!).map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
