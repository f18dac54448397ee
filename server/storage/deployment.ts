import { env } from '../env';
import { processSingleton } from '../singleton';
import { type ObjectStore, objectStoreOf } from '.';

/** This process's object store, made once from the environment. */
export const objectStore = (): ObjectStore => processSingleton('objectStore', () => objectStoreOf(env()));
