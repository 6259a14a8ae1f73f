import { InitialSchema1763800000000 } from './1763800000000-InitialSchema';
import { QueueIndexes1763900000000 } from './1763900000000-QueueIndexes';
import { RankingColumns1763950000000 } from './1763950000000-RankingColumns';

/** Every migration, in order. Append; never edit one that has shipped. */
export const migrations = [InitialSchema1763800000000, QueueIndexes1763900000000, RankingColumns1763950000000];
