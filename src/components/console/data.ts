/**
 * Data several console screens share, fetched once per page: response templates and the staff directory.
 * (A page is one screen; a reload fetches them again, so changes show up.)
 */
import { useEffect, useState } from 'react';
import {
  fetchDirectory,
  fetchTemplates,
  type Person,
  type ResponseTemplate,
} from '../../lib/supabase/console.ts';

let templates: Promise<ResponseTemplate[]> | undefined;
let directory: Promise<Person[]> | undefined;

function useOnce<T>(load: () => Promise<T>, fallback: T): T {
  const [value, setValue] = useState<T>(fallback);
  useEffect(() => {
    let active = true;
    load()
      .then((loaded) => active && setValue(loaded))
      .catch(() => undefined); // Optional helpers: the forms work without them.
    return () => {
      active = false;
    };
  }, [load]);
  return value;
}

const loadTemplates = () => (templates ??= fetchTemplates());
const loadDirectory = () => (directory ??= fetchDirectory());
const none: never[] = [];

export const useTemplates = () => useOnce(loadTemplates, none as ResponseTemplate[]);
export const useDirectory = () => useOnce(loadDirectory, none as Person[]);
