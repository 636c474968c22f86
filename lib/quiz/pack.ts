// The offline pack: the cards a learner would study next in a deck, sent ahead in one response so the
// quiz can go on without a connection. Answers made offline are queued on the device and graded by the
// server when they arrive (with their own time, lib/quiz/answer-time.ts), so the pack only has to pick.
import type { Card as CardRow } from "../generated/prisma/client";
import type { Db } from "../db/client";
import { startOfDay, startOfNextDay } from "../time";
import { rowToCard } from "./card-mapper";
import { isLearningState, State } from "./enums";
import type { NextCard } from "./queue";
import { formatInterval, newCard, preview, RATINGS } from "./scheduler";
import { clampToInterview, schedulerSettings, type LearnerSettings } from "./settings";

export interface PackOptions {
  settings: LearnerSettings;
  scope: Set<string> | null;
  /** Content hash of every quizzable question (the facade's bundle map). */
  hashes: ReadonlyMap<string, string>;
  tz?: string;
  size: number;
}

/**
 * Up to `size` cards in study order: learning then review cards due now, new cards within today's
 * allowance, then cards that fall due later today (an offline session may last a while). One read of
 * the learner's cards and one count, whatever the deck's size. The plain daily allowance is used; the
 * interview's catch-up allowance is the online queue's business.
 */
export async function offlinePack(db: Db, learnerId: string, deckIds: readonly string[], now: Date, o: PackOptions): Promise<NextCard[]> {
  const [cards, newToday] = await Promise.all([
    db.card.findMany({ where: { learnerId }, orderBy: { due: "asc" } }),
    db.reviewLog.count({ where: { learnerId, state: State.New, reviewedAt: { gte: startOfDay(now, o.tz) } } }),
  ]);
  const inDeck = new Set(deckIds);
  const byId = new Map(cards.map((c) => [c.questionId, c]));
  const available = (c: CardRow) => inDeck.has(c.questionId) && o.hashes.has(c.questionId) && !c.suspended && !(c.buriedUntil && c.buriedUntil > now);
  const started = cards.filter((c) => c.state !== State.New && available(c));
  const endOfDay = startOfNextDay(now, o.tz);
  const dueNow = started.filter((c) => c.due <= now);
  const picked: { row: CardRow | undefined; id: string }[] = [
    ...dueNow.filter((c) => isLearningState(c.state)),
    ...dueNow.filter((c) => c.state === State.Review),
  ].map((row) => ({ row, id: row.questionId }));
  const allowance = Math.max(0, o.settings.newPerDay - newToday);
  const fresh = deckIds.filter((id) => o.hashes.has(id) && (!byId.has(id) || (byId.get(id)!.state === State.New && available(byId.get(id)!))));
  const scoped = o.scope ? [...fresh.filter((id) => o.scope!.has(id)), ...fresh.filter((id) => !o.scope!.has(id))] : fresh;
  picked.push(...scoped.slice(0, allowance).map((id) => ({ row: byId.get(id), id })));
  picked.push(...started.filter((c) => c.due > now && c.due < endOfDay).map((row) => ({ row, id: row.questionId })));

  return picked.slice(0, o.size).map(({ row, id }) => {
    const inScope = !o.scope || o.scope.has(id);
    const card = row ? rowToCard(row) : newCard(now);
    const due = preview(card, now, schedulerSettings(o.settings, now, inScope));
    const previews = Object.fromEntries(
      RATINGS.map((r) => {
        const d = clampToInterview(due[r], o.settings, now, inScope);
        return [r, { due: d.toISOString(), label: formatInterval(d.getTime() - now.getTime()) }];
      }),
    ) as NextCard["previews"];
    const changed = !!row && row.state !== State.New && row.seenHash !== null && row.seenHash !== o.hashes.get(id);
    return { questionId: id, state: card.state, previews, changed, flagged: row?.flagged ?? false };
  });
}
