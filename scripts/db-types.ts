/**
 * Generates src/lib/supabase/database.types.ts from the live local database: the `Database` type supabase-js
 * expects (Tables Row/Insert/Update/Relationships, Views, Functions Args/Returns, Enums, CompositeTypes) for
 * the `public` schema, plus the usual helper types. `supabase gen types` needs Docker, so this reads
 * pg_catalog directly and follows the same rules as Supabase's generator (postgres-meta).
 *
 *   node scripts/db-types.ts          write the file
 *   node scripts/db-types.ts --check  exit 1 with a summary when the committed file differs from the database
 *
 * The database is DATABASE_URL, else the one in $STACK_DIR/.env (default .stack/.env). Output is sorted and
 * formatted with prettier, so it only changes when the schema does.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import prettier from 'prettier';
import { envFile, repoRoot } from './stack/config.ts';

const outFile = path.join(repoRoot, 'src', 'lib', 'supabase', 'database.types.ts');
const schema = 'public';
/** The PostgREST major version the local stack runs (supabase-js picks query features from it). */
const postgrestVersion = '12';

interface Column {
  table_oid: number;
  name: string;
  type_oid: number;
  not_null: boolean;
  has_default: boolean;
  identity: string;
  generated: string;
  updatable: boolean;
}
interface Relation {
  oid: number;
  name: string;
  kind: string;
  insertable: boolean;
}
interface ForeignKey {
  name: string;
  table_oid: number;
  columns: string[];
  referenced: string;
  referenced_columns: string[];
  one_to_one: boolean;
}
interface FunctionRow {
  name: string;
  arg_names: string[] | null;
  arg_modes: string[] | null;
  arg_types: number[];
  n_defaults: number;
  n_in: number;
  returns_set: boolean;
  return_type: number;
}
interface TypeRow {
  oid: number;
  name: string;
  schema: string;
  kind: string;
  element: number;
  relid: number;
  relkind: string | null;
}

function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const stackDir = path.relative(repoRoot, path.dirname(envFile));
  if (!fs.existsSync(envFile)) {
    throw new Error(`No DATABASE_URL and no ${stackDir}/.env: start the stack (npm run stack:start).`);
  }
  const line = fs
    .readFileSync(envFile, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('DATABASE_URL='));
  if (!line) throw new Error(`${stackDir}/.env has no DATABASE_URL.`);
  return line.slice('DATABASE_URL='.length).trim();
}

async function readCatalog(client: pg.Client) {
  const relations = (
    await client.query<Relation>(
      `select c.oid::int as oid, c.relname as name, c.relkind as kind,
              c.relkind in ('r', 'p') or (c.relkind = 'v' and pg_relation_is_updatable(c.oid, false) & 8 = 8) as insertable
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm', 'f')`,
      [schema],
    )
  ).rows;
  const columns = (
    await client.query<Column>(
      `select a.attrelid::int as table_oid, a.attname as name, a.atttypid::int as type_oid, a.attnotnull as not_null,
              a.atthasdef as has_default, a.attidentity as identity, a.attgenerated as generated,
              pg_column_is_updatable(a.attrelid, a.attnum, false) as updatable
       from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm', 'f') and a.attnum > 0 and not a.attisdropped`,
      [schema],
    )
  ).rows;
  const foreignKeys = (
    await client.query<ForeignKey>(
      `select k.conname as name, k.conrelid::int as table_oid,
              array(select attname from unnest(k.conkey) with ordinality as u(n, o)
                    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by o)::text[] as columns,
              r.relname as referenced,
              array(select attname from unnest(k.confkey) with ordinality as u(n, o)
                    join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by o)::text[] as referenced_columns,
              exists (select 1 from pg_index i where i.indrelid = k.conrelid and i.indisunique and i.indpred is null
                      and (select array_agg(x order by x) from unnest(i.indkey::int2[]) as x)
                          = (select array_agg(x order by x) from unnest(k.conkey) as x)) as one_to_one
       from pg_constraint k
       join pg_class t on t.oid = k.conrelid join pg_namespace tn on tn.oid = t.relnamespace
       join pg_class r on r.oid = k.confrelid join pg_namespace rn on rn.oid = r.relnamespace
       where k.contype = 'f' and tn.nspname = $1 and rn.nspname = $1`,
      [schema],
    )
  ).rows;
  const functions = (
    await client.query<FunctionRow>(
      `select p.proname as name, p.proargnames as arg_names, p.proargmodes::text[] as arg_modes,
              coalesce(p.proallargtypes, p.proargtypes::oid[])::int[] as arg_types, p.pronargdefaults as n_defaults,
              p.pronargs as n_in, p.proretset as returns_set, p.prorettype::int as return_type
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = $1 and p.prokind = 'f'
         and p.prorettype not in ('trigger'::regtype, 'event_trigger'::regtype)
         and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
      [schema],
    )
  ).rows;
  const types = (
    await client.query<TypeRow>(
      `select t.oid::int as oid, t.typname as name, n.nspname as schema, t.typtype as kind,
              t.typelem::int as element, t.typrelid::int as relid, c.relkind
       from pg_type t join pg_namespace n on n.oid = t.typnamespace left join pg_class c on c.oid = t.typrelid`,
    )
  ).rows;
  const enumLabels = (
    await client.query<{ type_name: string; label: string }>(
      `select t.typname as type_name, e.enumlabel as label
       from pg_enum e join pg_type t on t.oid = e.enumtypid join pg_namespace n on n.oid = t.typnamespace
       where n.nspname = $1 order by t.typname, e.enumsortorder`,
      [schema],
    )
  ).rows;
  return { relations, columns, foreignKeys, functions, types, enumLabels };
}

type Catalog = Awaited<ReturnType<typeof readCatalog>>;

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const key = (name: string) => JSON.stringify(name);

function tsType(catalog: Catalog, oid: number): string {
  const type = catalog.types.find((t) => t.oid === oid);
  if (!type) return 'unknown';
  if (type.element !== 0 && type.name.startsWith('_')) return `(${tsType(catalog, type.element)})[]`;
  if (type.schema === schema && type.kind === 'e') return `Database["public"]["Enums"][${key(type.name)}]`;
  if (type.schema === schema && type.kind === 'c') {
    if (type.relkind === 'c') return `Database["public"]["CompositeTypes"][${key(type.name)}]`;
    const relation = catalog.relations.find((r) => r.oid === type.relid);
    if (relation) {
      const group = relation.kind === 'v' || relation.kind === 'm' ? 'Views' : 'Tables';
      return `Database["public"][${key(group)}][${key(relation.name)}]["Row"]`;
    }
  }
  switch (type.name) {
    case 'bool':
      return 'boolean';
    case 'int2':
    case 'int4':
    case 'int8':
    case 'float4':
    case 'float8':
    case 'numeric':
    case 'oid':
      return 'number';
    case 'text':
    case 'varchar':
    case 'bpchar':
    case 'name':
    case 'citext':
    case 'uuid':
    case 'date':
    case 'time':
    case 'timetz':
    case 'timestamp':
    case 'timestamptz':
    case 'interval':
    case 'inet':
    case 'cidr':
    case 'macaddr':
    case 'bytea':
    case 'tsvector':
      return 'string';
    case 'json':
    case 'jsonb':
      return 'Json';
    case 'void':
      return 'undefined';
    case 'record':
      return 'Record<string, unknown>';
    default:
      return 'unknown';
  }
}

function relationshipsOf(catalog: Catalog, tableOid: number): string {
  const keys = catalog.foreignKeys
    .filter((fk) => fk.table_oid === tableOid)
    .sort((a, b) => byName(a, b) || (a.referenced < b.referenced ? -1 : a.referenced > b.referenced ? 1 : 0));
  return `[${keys
    .map(
      (fk) => `{
        foreignKeyName: ${key(fk.name)}
        columns: ${JSON.stringify(fk.columns)}
        isOneToOne: ${fk.one_to_one}
        referencedRelation: ${key(fk.referenced)}
        referencedColumns: ${JSON.stringify(fk.referenced_columns)}
      }`,
    )
    .join(',\n')}]`;
}

function tablesBlock(catalog: Catalog, kinds: string[], isView: boolean): string {
  const relations = catalog.relations.filter((r) => kinds.includes(r.kind)).sort(byName);
  if (relations.length === 0) return '[_ in never]: never';
  return relations
    .map((relation) => {
      const columns = catalog.columns.filter((c) => c.table_oid === relation.oid).sort(byName);
      const base = (c: Column) => tsType(catalog, c.type_oid);
      // Views report every column as nullable, as Postgres cannot know.
      const nullable = (c: Column) => isView || !c.not_null;
      const row = columns.map((c) => `${key(c.name)}: ${base(c)}${nullable(c) ? ' | null' : ''}`);
      const blocks = [`Row: {\n${row.join('\n')}\n}`];
      if (!isView || relation.insertable) {
        const cannotWrite = (c: Column) =>
          c.identity === 'a' || c.generated === 's' || (isView && !c.updatable);
        const insert = columns.map((c) => {
          if (cannotWrite(c)) return `${key(c.name)}?: never`;
          const optional = nullable(c) || c.has_default || c.identity !== '';
          return `${key(c.name)}${optional ? '?' : ''}: ${base(c)}${nullable(c) ? ' | null' : ''}`;
        });
        const update = columns.map((c) =>
          cannotWrite(c)
            ? `${key(c.name)}?: never`
            : `${key(c.name)}?: ${base(c)}${nullable(c) ? ' | null' : ''}`,
        );
        blocks.push(`Insert: {\n${insert.join('\n')}\n}`, `Update: {\n${update.join('\n')}\n}`);
      }
      blocks.push(`Relationships: ${isView ? '[]' : relationshipsOf(catalog, relation.oid)}`);
      return `${key(relation.name)}: {\n${blocks.join('\n')}\n}`;
    })
    .join('\n');
}

function functionsBlock(catalog: Catalog): string {
  const usable = catalog.functions.filter((fn) => {
    const inNames = (fn.arg_names ?? []).filter((_, i) => ['i', 'b', 'v'].includes(fn.arg_modes?.[i] ?? 'i'));
    return fn.n_in <= 1 || (inNames.length === fn.n_in && inNames.every((n) => n !== ''));
  });
  if (usable.length === 0) return '[_ in never]: never';
  const names = [...new Set(usable.map((fn) => fn.name))].sort();
  return names
    .map((name) => {
      const overloads = usable.filter((fn) => fn.name === name);
      const signature = (fn: FunctionRow) =>
        fn.arg_types.map((type, i) => ({
          name: fn.arg_names?.[i] ?? '',
          mode: fn.arg_modes?.[i] ?? 'i',
          type,
        }));
      const args = overloads
        .map((fn) => {
          const inArgs = signature(fn).filter((a) => ['i', 'b', 'v'].includes(a.mode));
          if (inArgs.length === 0) return 'never';
          const firstDefault = inArgs.length - fn.n_defaults;
          return `{ ${inArgs
            .map((a, i) => `${key(a.name)}${i >= firstDefault ? '?' : ''}: ${tsType(catalog, a.type)}`)
            .join('; ')} }`;
        })
        .sort()
        .join(' | ');
      const fn = overloads[0] as FunctionRow;
      const tableColumns = signature(fn).filter((a) => a.mode === 't');
      const returns =
        tableColumns.length > 0
          ? `{\n${tableColumns.map((a) => `${key(a.name)}: ${tsType(catalog, a.type)}`).join('\n')}\n}[]`
          : `${tsType(catalog, fn.return_type)}${fn.returns_set ? '[]' : ''}`;
      return `${key(name)}: {\nArgs: ${args}\nReturns: ${returns}\n}`;
    })
    .join('\n');
}

function enumsBlock(catalog: Catalog): { types: string; constants: string } {
  const names = [...new Set(catalog.enumLabels.map((e) => e.type_name))].sort();
  if (names.length === 0) return { types: '[_ in never]: never', constants: '' };
  const labels = (name: string) => catalog.enumLabels.filter((e) => e.type_name === name).map((e) => e.label);
  return {
    types: names.map((n) => `${key(n)}: ${labels(n).map(key).join(' | ')}`).join('\n'),
    constants: names.map((n) => `${key(n)}: [${labels(n).map(key).join(', ')}]`).join(',\n'),
  };
}

function compositeBlock(catalog: Catalog): string {
  const composites = catalog.types
    .filter((t) => t.schema === schema && t.kind === 'c' && t.relkind === 'c')
    .sort(byName);
  if (composites.length === 0) return '[_ in never]: never';
  return composites
    .map((t) => {
      const attributes = catalog.columns.filter((c) => c.table_oid === t.relid).sort(byName);
      return `${key(t.name)}: {\n${attributes.map((a) => `${key(a.name)}: ${tsType(catalog, a.type_oid)} | null`).join('\n')}\n}`;
    })
    .join('\n');
}

const helpers = `
type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never,
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] & DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends { Row: infer R }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"] | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends { Insert: infer I }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends { Insert: infer I }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"] | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends { Update: infer U }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends { Update: infer U }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"] | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never,
> = DefaultSchemaEnumNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never,
> = PublicCompositeTypeNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never
`;

async function generate(): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  let catalog: Catalog;
  try {
    catalog = await readCatalog(client);
  } finally {
    await client.end();
  }
  const enums = enumsBlock(catalog);
  const source = `/**
 * Types of the database schema for supabase-js (createClient<Database>).
 * GENERATED by scripts/db-types.ts from the migrated local database: do not edit by hand.
 * After changing a migration: npm run stack:start, then node scripts/db-types.ts.
 */

export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  __InternalSupabase: {
    PostgrestVersion: ${key(postgrestVersion)}
  }
  public: {
    Tables: {
      ${tablesBlock(catalog, ['r', 'p', 'f'], false)}
    }
    Views: {
      ${tablesBlock(catalog, ['v', 'm'], true)}
    }
    Functions: {
      ${functionsBlock(catalog)}
    }
    Enums: {
      ${enums.types}
    }
    CompositeTypes: {
      ${compositeBlock(catalog)}
    }
  }
}
${helpers}
export const Constants = {
  public: {
    Enums: {
      ${enums.constants}
    },
  },
} as const
`;
  const options = (await prettier.resolveConfig(outFile)) ?? {};
  return prettier.format(source, { ...options, parser: 'typescript', filepath: outFile });
}

function diffSummary(committed: string, fresh: string): string {
  const a = committed.split('\n');
  const b = fresh.split('\n');
  const removed = a.filter((line) => !b.includes(line));
  const added = b.filter((line) => !a.includes(line));
  const sample = [
    ...removed.slice(0, 15).map((l) => `- ${l.trim()}`),
    ...added.slice(0, 15).map((l) => `+ ${l.trim()}`),
  ];
  return `${removed.length} line(s) only in the committed file, ${added.length} only in the database:\n${sample.join('\n')}`;
}

const check = process.argv.includes('--check');
const fresh = await generate();
const relative = path.relative(repoRoot, outFile);
if (check) {
  const committed = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : '';
  if (committed !== fresh) {
    console.error(`${relative} does not match the database schema.`);
    console.error(committed ? diffSummary(committed, fresh) : 'The file does not exist.');
    console.error('Regenerate it with: node scripts/db-types.ts');
    process.exit(1);
  }
  console.log(`${relative} matches the database schema.`);
} else {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, fresh);
  console.log(`Wrote ${relative}.`);
}
