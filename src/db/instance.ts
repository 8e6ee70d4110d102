import { openDatabase } from './database';

/** The one database of this browser profile, shared by the worker and every extension page. */
export const db = openDatabase();
