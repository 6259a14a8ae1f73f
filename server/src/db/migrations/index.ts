import { InitialSchema1763800000000 } from './1763800000000-InitialSchema';

/** Every migration, in order. Append; never edit one that has shipped. */
export const migrations = [InitialSchema1763800000000];
