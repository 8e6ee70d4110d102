import Dexie, { type ObservabilitySet, RangeSet } from 'dexie';
import { useEffect, useState } from 'react';
import { db } from '../../../db/instance';
import type { Prospect } from '../../../model/prospect';
import { type ProspectRow, rowOf } from './rows';

export type ProspectRowsState = {
  rows: ProspectRow[];
  /** False while the first full read is still going on (the rows read so far are shown). */
  complete: boolean;
  /** How long the full read took, once complete (ms). */
  loadMs: number | null;
};

const FIRST_CHUNK = 1000;
const CHUNK = 10_000;
/** While loading, the list is refreshed at most this often (each refresh re-sorts it). */
const PUBLISH_EVERY_MS = 400;
const FLUSH_DELAY_MS = 30;

const elapsed = (since: number) => Math.round((performance.now() - since) * 10) / 10;

/**
 * Every prospect as a list row, kept current without re-reading the table: the first read goes
 * by primary-key chunks (the first rows show at once, 100k arrive in the background), then
 * each write anywhere (this page, the panel, the worker) re-reads only the records it touched,
 * as Dexie's `storagemutated` event names them. A write over a whole range (clear, restore)
 * reloads everything.
 */
export function useProspectRows(): ProspectRowsState | undefined {
  const [state, setState] = useState<ProspectRowsState>();

  useEffect(() => {
    let cancelled = false;
    let loading = false;
    let reloadAll = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const byId = new Map<string, Prospect>();
    const pending = new Set<string>();
    const prefix = `idb://${db.name}/prospects/`;

    const publish = (complete: boolean, loadMs: number | null) => {
      if (cancelled) return;
      const rows: ProspectRow[] = [];
      for (const prospect of byId.values()) rows.push(rowOf(prospect));
      setState((previous) => ({ rows, complete, loadMs: loadMs ?? previous?.loadMs ?? null }));
    };

    const loadAll = async () => {
      loading = true;
      reloadAll = false;
      pending.clear();
      const started = performance.now();
      const fresh = new Map<string, Prospect>();
      let after: string | undefined;
      let size = FIRST_CHUNK;
      let publishedAt = 0;
      for (;;) {
        const chunk = await (after === undefined ? db.prospects.orderBy(':id') : db.prospects.where(':id').above(after))
          .limit(size)
          .toArray();
        if (cancelled) return;
        for (const prospect of chunk) fresh.set(prospect.id, prospect);
        const last = chunk[chunk.length - 1];
        if (chunk.length < size || !last) break;
        after = last.id;
        size = CHUNK;
        if (publishedAt === 0 || performance.now() - publishedAt > PUBLISH_EVERY_MS) {
          byId.clear();
          for (const [id, prospect] of fresh) byId.set(id, prospect);
          publish(false, null);
          publishedAt = performance.now();
        }
      }
      byId.clear();
      for (const [id, prospect] of fresh) byId.set(id, prospect);
      loading = false;
      publish(true, elapsed(started));
      // Writes that happened meanwhile: their records may have been read before the write.
      if (reloadAll || pending.size > 0) schedule();
    };

    const flush = async () => {
      timer = undefined;
      if (loading || cancelled) return;
      if (reloadAll) {
        await loadAll();
        return;
      }
      const ids = [...pending];
      pending.clear();
      if (ids.length === 0) return;
      const found = await db.prospects.bulkGet(ids);
      if (cancelled) return;
      ids.forEach((id, index) => {
        const prospect = found[index];
        if (prospect) byId.set(id, prospect);
        else byId.delete(id);
      });
      publish(true, null);
    };

    const schedule = () => {
      if (timer === undefined) timer = setTimeout(() => void flush(), FLUSH_DELAY_MS);
    };

    const onMutated = (parts: ObservabilitySet) => {
      let touched = false;
      for (const part of [prefix, `${prefix}:dels`]) {
        const tree = parts[part];
        if (!tree) continue;
        for (const range of RangeSet(tree)) {
          touched = true;
          if (typeof range.from === 'string' && range.from === range.to) pending.add(range.from);
          else reloadAll = true;
        }
      }
      if (touched) schedule();
    };

    Dexie.on('storagemutated', onMutated);
    void loadAll();
    return () => {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
      Dexie.on.storagemutated.unsubscribe(onMutated);
    };
  }, []);

  return state;
}
