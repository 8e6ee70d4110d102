import Dexie, { type Collection, type DBCore, type DBCoreMutateRequest, type Middleware, type Table } from 'dexie';
import { normalizeCompany } from '../matching/keys';
import { type Decision, decisionSchema } from '../model/decision';
import type { Interaction } from '../model/interaction';
import { interactionSchema } from '../model/interaction';
import type { Offer } from '../model/offer';
import { offerSchema } from '../model/offer';
import { type Prospect, prospectSchema, withDerivedKeys } from '../model/prospect';
import type { Relance } from '../model/relance';
import { relanceSchema } from '../model/relance';
import type { Settings } from '../model/settings';
import { settingsSchema } from '../model/settings';
import type { StageEvent } from '../model/stage-event';
import { stageEventSchema } from '../model/stage-event';
import type { z } from '../model/zod';
import type { KpiProspect } from '../process';
import { ValidationError } from './errors';
import { DEFAULT_DATABASE_NAME } from './schema-version';

export { DEFAULT_DATABASE_NAME } from './schema-version';

/** What each table stores. */
export type RelanceRecords = {
  prospects: Prospect;
  interactions: Interaction;
  relances: Relance;
  stageEvents: StageEvent;
  offers: Offer;
  settings: Settings;
  decisions: Decision;
};
export type RelanceTableName = keyof RelanceRecords;

type RecordRule<T> = {
  /** Singular, for messages: "Invalid prospect: …". */
  entity: string;
  schema: z.ZodMiniType<T>;
  /** Recomputes derived fields from the parsed record. */
  derive?(record: T): T;
};

const RECORD_RULES: { readonly [K in RelanceTableName]: RecordRule<RelanceRecords[K]> } = {
  prospects: { entity: 'prospect', schema: prospectSchema, derive: withDerivedKeys },
  interactions: { entity: 'interaction', schema: interactionSchema },
  relances: { entity: 'relance', schema: relanceSchema },
  stageEvents: { entity: 'stage event', schema: stageEventSchema },
  offers: { entity: 'offer', schema: offerSchema },
  settings: { entity: 'settings', schema: settingsSchema },
  decisions: { entity: 'decision', schema: decisionSchema },
};

function isRelanceTable(name: string): name is RelanceTableName {
  return Object.hasOwn(RECORD_RULES, name);
}

/** Drops keys holding undefined, so an absent optional field is absent in storage too. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const clean: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) if (inner !== undefined) clean[key] = withoutUndefined(inner);
  return clean;
}

function validated<T>(rule: RecordRule<T>, value: unknown): T {
  const result = rule.schema.safeParse(value);
  if (!result.success) throw ValidationError.fromZod(rule.entity, result.error);
  return withoutUndefined(rule.derive ? rule.derive(result.data) : result.data) as T;
}

/**
 * The record exactly as the database will store it (parsed, trimmed, derived keys
 * recomputed), or a ValidationError. Lets a caller return what was written without re-reading.
 */
export function storedForm<K extends RelanceTableName>(table: K, value: RelanceRecords[K]): RelanceRecords[K] {
  return validated(RECORD_RULES[table] as RecordRule<RelanceRecords[K]>, value);
}

/*
 * Validation sits in the DBCore stack rather than in table hooks: every add, put, update,
 * modify, bulk* and upsert reaches `mutate` with the complete records as they will be
 * stored, whereas an `updating` hook only gets a diff whose dotted key paths cannot be
 * replayed on records whose own keys contain dots (checklist keys are `<stage>.<item>`).
 * It also spares the read of the existing record that registered hooks force on each put.
 * Level 1: under the hooks middleware (2), so whatever a hook changes is validated too.
 */
const validationMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'RelanceValidation',
  level: 1,
  create(down) {
    return {
      ...down,
      table(tableName) {
        const downTable = down.table(tableName);
        if (!isRelanceTable(tableName)) return downTable;
        const rule: RecordRule<unknown> = RECORD_RULES[tableName];
        return {
          ...downTable,
          mutate(req: DBCoreMutateRequest) {
            if (req.type !== 'add' && req.type !== 'put') return downTable.mutate(req);
            let values: unknown[];
            try {
              values = req.values.map((value) => validated(rule, value));
            } catch (error) {
              return Promise.reject(error);
            }
            return downTable.mutate({ ...req, values });
          },
        };
      },
    };
  },
};

/** Stores the database derives from the others: left out of backups, rebuilt from their source. */
export const DERIVED_STORES: readonly string[] = ['kpiProspects'];

/** What the dashboard needs of a prospect: its kpiProspects row (derived: never backed up, never validated apart). */
export function kpiProspectRow({ id, stage, createdAt, outcome }: Prospect): KpiProspect {
  return outcome === undefined ? { id, stage, createdAt } : { id, stage, createdAt, outcome };
}

/*
 * kpiProspects holds, for each prospect, the four fields the dashboard reads (10k whole
 * prospects took the browser's database over twice as long to read as these small rows).
 * It is kept in step here, under validation (level 0), in the transaction of every write to
 * prospects: each prospect written gives its row (no read: the row is the record's own
 * fields), each key or range deleted deletes the same rows. Upgrades (versionchange) are left
 * alone: version 4's upgrade builds the rows from the prospects as they end up.
 */
const kpiProspectsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'RelanceKpiProspects',
  level: 0,
  create(down) {
    const hasCopy = down.schema.tables.some((table) => table.name === 'kpiProspects');
    if (!hasCopy) return down;
    const copy = down.table('kpiProspects');
    const keepsCopy = (trans: unknown) => {
      const idb = trans as IDBTransaction;
      return idb.mode !== 'versionchange' && idb.objectStoreNames.contains('kpiProspects');
    };
    return {
      ...down,
      transaction(stores, mode, options) {
        const scope =
          mode === 'readwrite' && stores.includes('prospects') && !stores.includes('kpiProspects') ? [...stores, 'kpiProspects'] : stores;
        return down.transaction(scope, mode, options);
      },
      table(tableName) {
        const downTable = down.table(tableName);
        if (tableName !== 'prospects') return downTable;
        return {
          ...downTable,
          async mutate(req: DBCoreMutateRequest) {
            const result = await downTable.mutate(req);
            if (!keepsCopy(req.trans)) return result;
            const { trans } = req;
            if (req.type === 'add' || req.type === 'put') {
              const rows = req.values.filter((_, index) => !(index in result.failures)).map((value) => kpiProspectRow(value as Prospect));
              if (rows.length > 0) await copy.mutate({ type: 'put', trans, values: rows });
            } else if (req.type === 'delete') {
              await copy.mutate({ type: 'delete', trans, keys: req.keys });
            } else {
              await copy.mutate({ type: 'deleteRange', trans, range: req.range });
            }
            return result;
          },
        };
      },
    };
  },
};

export class RelanceDatabase extends Dexie {
  prospects!: Table<Prospect, string>;
  interactions!: Table<Interaction, string>;
  relances!: Table<Relance, string>;
  stageEvents!: Table<StageEvent, string>;
  offers!: Table<Offer, string>;
  settings!: Table<Settings, string>;
  decisions!: Table<Decision, string>;
  kpiProspects!: Table<KpiProspect, string>;

  constructor(name: string = DEFAULT_DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      prospects: 'id, &linkedinUrl, *emailKeys, nameKey, salesNavId, stage, updatedAt',
      interactions: 'id, prospectId, [prospectId+date], date',
      relances: 'id, prospectId, [status+dueDate], dueDate',
      stageEvents: 'id, prospectId, [prospectId+date], date',
      offers: 'id',
      settings: 'key',
    });
    // v2: tags and company become filterable (prospect list, company pages) and the rep's
    // "not the same person" / "not duplicates" choices are remembered.
    this.version(2)
      .stores({
        prospects: 'id, &linkedinUrl, *emailKeys, nameKey, salesNavId, stage, updatedAt, *tags, companyKey',
        decisions: 'id, kind',
      })
      .upgrade((tx) =>
        tx
          .table<Prospect, string>('prospects')
          .toCollection()
          .modify((prospect) => {
            prospect.companyKey = prospect.company ? normalizeCompany(prospect.company) : '';
          }),
      );
    // v3: indexes nothing queried cost every write (an import of 10k rows wrote ~60k index
    // entries for nothing): the prospects' stage, updatedAt and tags (lists sort and filter in
    // memory), the stage events' date, and their prospectId, which [prospectId+date] covers
    // (see stageEventsOf). Dropping an index keeps every record. The contacts gain
    // [channel+date]: the dashboard counts them per channel and week instead of reading them.
    this.version(3).stores({
      prospects: 'id, &linkedinUrl, *emailKeys, nameKey, salesNavId, companyKey',
      interactions: 'id, prospectId, [prospectId+date], date, [channel+date]',
      stageEvents: 'id, [prospectId+date]',
    });
    // v4: the dashboard reads what it needs of each prospect from kpiProspects (kept in step by
    // kpiProspectsMiddleware), and of the stage trail only the moves, through an index on
    // `from`: a creation event (from null) is not indexed, as IndexedDB indexes no null key,
    // so the index costs nothing on an import, whose prospects only get their creation event.
    this.version(4)
      .stores({
        kpiProspects: 'id',
        stageEvents: 'id, [prospectId+date], from',
      })
      .upgrade(async (tx) => {
        const rows = (await tx.table<Prospect, string>('prospects').toArray()).map(kpiProspectRow);
        await tx.table<KpiProspect, string>('kpiProspects').bulkPut(rows);
      });
    this.use(validationMiddleware);
    this.use(kpiProspectsMiddleware);
  }
}

/** The stage events of these prospects, oldest first for each, through [prospectId+date]. */
export function stageEventsOf(db: RelanceDatabase, prospectIds: readonly string[]): Collection<StageEvent, string> {
  return db.stageEvents.where('[prospectId+date]').inAnyRange(
    prospectIds.map((id) => [
      [id, Dexie.minKey],
      [id, Dexie.maxKey],
    ]),
  );
}

/** The database (opened lazily on first use by Dexie). Tests pass a fresh name each. */
export function openDatabase(name: string = DEFAULT_DATABASE_NAME): RelanceDatabase {
  return new RelanceDatabase(name);
}
