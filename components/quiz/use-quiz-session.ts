"use client";
import { useCallback, useEffect, useReducer, useRef } from "react";
import { NetworkError, quizApi, uuid } from "@/lib/quiz/client-api";
import { dropFromPacks, packCard, savePack, unqueue } from "@/lib/quiz/offline-store";
import { announce, submitAnswer } from "@/lib/quiz/offline-sync";
import type { ControlAction, EmptyReason, NextResponse, QueueCountsDto, StudyCard } from "@/lib/quiz/dto";
import type { Rating } from "@/lib/quiz/enums";

export type Tally = Record<Rating, number>;
const NO_TALLY: Tally = { 1: 0, 2: 0, 3: 0, 4: 0 };

export type Phase =
  | { kind: "loading" }
  | { kind: "question"; card: StudyCard; shownAt: number }
  | { kind: "answer"; card: StudyCard; shownAt: number }
  | { kind: "done"; reason: "limit" | "empty"; empty: EmptyReason | null }
  | { kind: "error"; message: string };

export interface SessionState {
  phase: Phase;
  counts: QueueCountsDto | null;
  interviewDate: string | null;
  tally: Tally;
  busy: boolean;
  history: { reviewId: string; questionId: string; rating: Rating }[];
  note: string;
  startedAt: number;
}

type Action =
  | { type: "loading" }
  | { type: "loaded"; data: NextResponse }
  | { type: "offline-card"; card: StudyCard }
  | { type: "reveal" }
  | { type: "busy"; busy: boolean }
  | { type: "graded"; reviewId: string; questionId: string; rating: Rating; practice: boolean; limit: number }
  | { type: "undone" }
  | { type: "flagged"; flagged: boolean }
  | { type: "note"; note: string }
  | { type: "error"; message: string }
  | { type: "restart" };

export function reducer(s: SessionState, a: Action): SessionState {
  switch (a.type) {
    case "loading":
      return { ...s, phase: { kind: "loading" } };
    case "loaded":
      return {
        ...s,
        counts: a.data.counts,
        interviewDate: a.data.interviewDate,
        phase: a.data.card ? { kind: "question", card: a.data.card, shownAt: Date.now() } : { kind: "done", reason: "empty", empty: a.data.empty },
      };
    case "offline-card":
      // Counts come from the server; offline they would be guesses, so none are shown.
      return { ...s, counts: null, phase: { kind: "question", card: a.card, shownAt: Date.now() } };
    case "reveal":
      return s.phase.kind === "question" ? { ...s, phase: { ...s.phase, kind: "answer" } } : s;
    case "busy":
      return { ...s, busy: a.busy };
    case "graded": {
      const tally = { ...s.tally, [a.rating]: s.tally[a.rating] + 1 };
      const history = a.practice ? s.history : [...s.history, { reviewId: a.reviewId, questionId: a.questionId, rating: a.rating }];
      const done = tally[1] + tally[2] + tally[3] + tally[4] >= a.limit;
      return { ...s, tally, history, note: "", phase: done ? { kind: "done", reason: "limit", empty: null } : s.phase };
    }
    case "undone": {
      const last = s.history[s.history.length - 1];
      if (!last) return s;
      return { ...s, history: s.history.slice(0, -1), tally: { ...s.tally, [last.rating]: Math.max(0, s.tally[last.rating] - 1) }, note: "Last answer undone." };
    }
    case "flagged":
      return s.phase.kind === "question" || s.phase.kind === "answer" ? { ...s, phase: { ...s.phase, card: { ...s.phase.card, flagged: a.flagged } } } : s;
    case "note":
      return { ...s, note: a.note };
    case "error":
      return { ...s, phase: { kind: "error", message: a.message } };
    case "restart":
      return { ...s, tally: NO_TALLY, startedAt: Date.now() };
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
const warn = (what: string) => (err: unknown) => console.warn(`quiz: ${what}`, err);
const NO_SAVED_CARDS = "You are offline and this device has no more saved cards for this deck. Your answers sync when you are back online.";

/** The study session's state and the calls that change it; the component only renders and binds keys. */
export function useQuizSession({ deck, practice, limit }: { deck: string; practice: boolean; limit: number }) {
  const [state, dispatch] = useReducer(reducer, null, () => ({
    phase: { kind: "loading" } as Phase,
    counts: null,
    interviewDate: null,
    tally: NO_TALLY,
    busy: false,
    history: [],
    note: "",
    startedAt: Date.now(),
  }));
  const practised = useRef<string[]>([]);
  const busy = useRef(false);
  // Offline: questions answered in this session (skipped in the saved pack) and the cards answered
  // while queued, so undoing a queued answer can show its card again without the server.
  const answered = useRef(new Set<string>());
  const queuedCards = useRef(new Map<string, StudyCard>());

  const loadNext = useCallback(
    async (prefer?: string) => {
      dispatch({ type: "loading" });
      try {
        dispatch({ type: "loaded", data: await quizApi.next(deck, { practice, exclude: practice ? practised.current : undefined, prefer }) });
      } catch (err) {
        if (practice || !(err instanceof NetworkError)) return dispatch({ type: "error", message: message(err) });
        // No connection: go on with the cards saved for this deck (lib/quiz/offline-store.ts).
        const card = (prefer && queuedCards.current.get(prefer)) || (await packCard(deck, answered.current).catch(warn("no saved pack")));
        dispatch(card ? { type: "offline-card", card } : { type: "error", message: NO_SAVED_CARDS });
      }
    },
    [deck, practice],
  );

  useEffect(() => {
    // The pack is fetched after the first card, so a first-time visitor gets one learner cookie, not two.
    void loadNext().then(() => (practice ? undefined : quizApi.pack(deck).then(savePack).catch(warn("offline pack not saved"))));
  }, [loadNext, deck, practice]);

  /** Runs one request at a time; a key pressed twice does not send two. */
  const exclusive = useCallback(async (fn: () => Promise<void>, onError: (m: string) => void) => {
    if (busy.current) return;
    busy.current = true;
    dispatch({ type: "busy", busy: true });
    try {
      await fn();
    } catch (err) {
      onError(message(err));
    } finally {
      busy.current = false;
      dispatch({ type: "busy", busy: false });
    }
  }, []);

  const { phase, tally, history } = state;

  const grade = useCallback(
    (rating: Rating) => {
      if (phase.kind !== "answer") return;
      const card = phase.card;
      return exclusive(
        async () => {
          const reviewId = uuid();
          const body = { reviewId, questionId: card.questionId, rating, durationMs: Math.min(Date.now() - phase.shownAt, 3_600_000) };
          if (practice) {
            await quizApi.review({ ...body, practice: true });
            practised.current.push(card.questionId);
          } else {
            // Online or not, the grade lands at once: queued answers are sent in order when the server is back.
            if ((await submitAnswer(body)) === "queued") queuedCards.current.set(card.questionId, card);
            answered.current.add(card.questionId);
            await dropFromPacks(card.questionId).catch(warn("pack not updated"));
          }
          dispatch({ type: "graded", reviewId, questionId: card.questionId, rating, practice, limit });
          if (tally[1] + tally[2] + tally[3] + tally[4] + 1 < limit) await loadNext();
        },
        (m) => dispatch({ type: "error", message: m }),
      );
    },
    [phase, exclusive, practice, limit, tally, loadNext],
  );

  const undo = useCallback(() => {
    const last = history[history.length - 1];
    if (!last) return;
    return exclusive(
      async () => {
        // Still on the device: taking it out of the outbox is the whole undo.
        if (await unqueue(last.reviewId).catch(warn("outbox not read"))) {
          answered.current.delete(last.questionId);
          await announce();
        } else await quizApi.undo(last.reviewId);
        dispatch({ type: "undone" });
        await loadNext(last.questionId);
      },
      (note) => dispatch({ type: "note", note }),
    );
  }, [history, exclusive, loadNext]);

  const control = useCallback(
    (action: ControlAction) => {
      if (phase.kind !== "question" && phase.kind !== "answer") return;
      const card = phase.card;
      return exclusive(
        async () => {
          await quizApi.control(card.questionId, action);
          if (action === "flag" || action === "unflag") {
            dispatch({ type: "flagged", flagged: action === "flag" });
            dispatch({ type: "note", note: action === "flag" ? "Flagged. Find it under the Flagged deck." : "Flag removed." });
          } else {
            dispatch({ type: "note", note: action === "bury" ? "Buried until tomorrow." : "Suspended. Release it from Progress." });
            await loadNext();
          }
        },
        (note) => dispatch({ type: "note", note }),
      );
    },
    [phase, exclusive, loadNext],
  );

  const reveal = useCallback(() => dispatch({ type: "reveal" }), []);
  const keepGoing = useCallback(() => {
    dispatch({ type: "restart" });
    void loadNext();
  }, [loadNext]);

  return { state, reveal, grade, undo, control, loadNext, keepGoing };
}
