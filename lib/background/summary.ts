/** A background run as the page lists it (History's "Running in the background"). */
export interface BackgroundRunSummary {
  id: string;
  model: string;
  /** running ("streaming"), then done, error or stopped. */
  status: string;
  /** The start of what was asked. */
  prompt: string;
  createdAt: number;
  updatedAt: number;
}
