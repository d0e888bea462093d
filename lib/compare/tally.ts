/** One blind vote: the models that answered, and the one preferred (null: a tie). */
export interface Vote {
  models: string[];
  winner: string | null;
  at: number;
}

export interface TallyRow {
  model: string;
  wins: number;
  ties: number;
  /** Blind rounds this model answered in. */
  rounds: number;
}

/** Blind votes per model: most wins first, then most ties. */
export function tally(votes: readonly Vote[]): TallyRow[] {
  const rows = new Map<string, TallyRow>();
  const row = (model: string) => {
    let found = rows.get(model);
    if (!found) {
      found = { model, wins: 0, ties: 0, rounds: 0 };
      rows.set(model, found);
    }
    return found;
  };
  for (const vote of votes) {
    for (const model of new Set(vote.models)) {
      row(model).rounds += 1;
      if (vote.winner === null) row(model).ties += 1;
    }
    if (vote.winner !== null) row(vote.winner).wins += 1;
  }
  return [...rows.values()].sort((a, b) => b.wins - a.wins || b.ties - a.ties);
}
