// The quiz's storage and queue functions in one import for tests and scripts. Routes and pages go
// through the facade in ./session.ts, which reads the learner once and passes it down.
export { nextCard, type NextCard, type QueueCounts, type QueueOptions } from "./queue";
export { buryCard, QuizError, setFlagged, setSuspended, submitReview, undoReview, type ReviewInput, type ReviewResult } from "./review";
export { projectedRecall } from "./recall";
export { getSettings, saveSettings, type LearnerSettings } from "./settings";
export { startOfDay, startOfNextDay } from "../time";
export { LEARN_AHEAD_MS } from "./rules";
