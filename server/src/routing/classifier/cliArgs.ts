/** The few flags the train and eval commands take; anything else is a file argument. */
export interface CliArgs {
  files: string[];
  /** Number of cross-validation folds; null when --cv is absent. */
  folds: number | null;
  village: boolean;
  /** --out PATH for train, --model PATH for eval. */
  out: string | null;
  model: string | null;
  /** --repeat R: repetitions of the cross-validation, each with other folds (default 1). */
  repeat: number;
  /** --village-file PATH: village concerns {text, kind} to route after a TipDM evaluation. */
  villageFile: string | null;
  /** --nested: nested cross-validation (the outer folds are --cv's). */
  nested: boolean;
  /** --grid NAME: the candidates the inner folds of --nested choose among. */
  grid: string;
  /** --unlabeled PATH: unlabelled messages {title, detail} for the self-training grid. */
  unlabeled: string | null;
  /** --extra PATH: labelled examples the extra-* candidates add. */
  extra: string | null;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const DEFAULT_FOLDS = 5;

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    files: [],
    folds: null,
    village: false,
    out: null,
    model: null,
    repeat: 1,
    villageFile: null,
    nested: false,
    grid: 'knobs',
    unlabeled: null,
    extra: null,
  };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    const valueAfter = (flag: string): string => {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      index += 1;
      return value;
    };
    if (arg === '--cv') {
      // --cv alone means 5 folds; --cv 10 sets the number.
      const next = argv[index + 1];
      if (next !== undefined && /^\d+$/.test(next)) {
        args.folds = Number(next);
        index += 1;
      } else args.folds = DEFAULT_FOLDS;
      if (args.folds < 2) throw new UsageError('--cv needs at least 2 folds');
    } else if (arg.startsWith('--cv=')) {
      args.folds = Number(arg.slice('--cv='.length));
      if (!Number.isInteger(args.folds) || args.folds < 2) throw new UsageError('--cv needs at least 2 folds');
    } else if (arg === '--village') args.village = true;
    else if (arg === '--out') args.out = valueAfter(arg);
    else if (arg === '--model') args.model = valueAfter(arg);
    else if (arg === '--village-file') args.villageFile = valueAfter(arg);
    else if (arg === '--nested') args.nested = true;
    else if (arg === '--grid') args.grid = valueAfter(arg);
    else if (arg === '--unlabeled') args.unlabeled = valueAfter(arg);
    else if (arg === '--extra') args.extra = valueAfter(arg);
    else if (arg === '--repeat') {
      args.repeat = Number(valueAfter(arg));
      if (!Number.isInteger(args.repeat) || args.repeat < 1)
        throw new UsageError('--repeat needs a whole number from 1');
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else args.files.push(arg);
  }
  if (args.nested && args.folds === null) args.folds = DEFAULT_FOLDS;
  return args;
}
