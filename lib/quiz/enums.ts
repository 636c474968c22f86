// Card states and grades as named values, safe to import on the client (no ts-fsrs, no Prisma).
// The numbers are the FSRS ones that the database stores, so a row and an enum compare directly.

export const State = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
export type State = (typeof State)[keyof typeof State];

export const Rating = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;
export type Rating = (typeof Rating)[keyof typeof Rating];

export const RATINGS = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const;
export const RATING_LABELS: Record<Rating, string> = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };

export const isLearningState = (s: number) => s === State.Learning || s === State.Relearning;
