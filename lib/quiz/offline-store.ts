// The quiz's storage on the device (IndexedDB, browser only): the offline pack of each deck and the
// outbox of answers not yet stored by the server. Plain IndexedDB behind promises: a wrapper library
// would cost more first-load JavaScript than these few calls.
import type { PackResponse, ReviewBody, StudyCard } from "./dto";

const DB_NAME = "quiz-offline";
const PACKS = "packs";
const OUTBOX = "outbox";
/** Set while the outbox may hold answers, so pages other than the quiz can sync without opening IndexedDB. */
export const OUTBOX_HINT = "quiz-outbox";

export interface QueuedAnswer {
  seq?: number;
  body: ReviewBody & { reviewedAt: string };
}

let opening: Promise<IDBDatabase> | undefined;
function open(): Promise<IDBDatabase> {
  return (opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(PACKS, { keyPath: "deck" });
      // Auto-increment keys keep answers in the order they were given: the replay order.
      req.result.createObjectStore(OUTBOX, { keyPath: "seq", autoIncrement: true });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = undefined;
      reject(req.error ?? new Error("IndexedDB is not available"));
    };
  }));
}

const done = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });

async function store(name: string, mode: IDBTransactionMode) {
  return (await open()).transaction(name, mode).objectStore(name);
}

export async function savePack(pack: PackResponse): Promise<void> {
  await done((await store(PACKS, "readwrite")).put(pack));
}

/** The first saved card of the deck that is not in `skip`, or null when the pack has none left. */
export async function packCard(deck: string, skip: ReadonlySet<string>): Promise<StudyCard | null> {
  const pack = (await done((await store(PACKS, "readonly")).get(deck))) as PackResponse | undefined;
  return pack?.cards.find((c) => !skip.has(c.questionId)) ?? null;
}

/** Once answered, a card leaves every deck's pack (a question may be in several decks). */
export async function dropFromPacks(questionId: string): Promise<void> {
  const packs = await store(PACKS, "readwrite");
  const all = (await done(packs.getAll())) as PackResponse[];
  await Promise.all(all.filter((p) => p.cards.some((c) => c.questionId === questionId)).map((p) => done(packs.put({ ...p, cards: p.cards.filter((c) => c.questionId !== questionId) }))));
}

export async function enqueue(body: QueuedAnswer["body"]): Promise<void> {
  await done((await store(OUTBOX, "readwrite")).add({ body }));
  setHint(true);
}

/** Queued answers, oldest first. */
export async function queued(): Promise<Required<QueuedAnswer>[]> {
  return (await done((await store(OUTBOX, "readonly")).getAll())) as Required<QueuedAnswer>[];
}

export async function removeQueued(seq: number): Promise<void> {
  await done((await store(OUTBOX, "readwrite")).delete(seq));
}

/** Takes an answer back out of the outbox (undo before it was sent); false when it was already sent. */
export async function unqueue(reviewId: string): Promise<boolean> {
  const entry = (await queued()).find((q) => q.body.reviewId === reviewId);
  if (entry) await removeQueued(entry.seq);
  return !!entry;
}

export async function queuedCount(): Promise<number> {
  const n = await done((await store(OUTBOX, "readonly")).count());
  setHint(n > 0);
  return n;
}

function setHint(on: boolean) {
  try {
    if (on) localStorage.setItem(OUTBOX_HINT, "1");
    else localStorage.removeItem(OUTBOX_HINT);
  } catch (err) {
    // Storage may be disabled; the quiz page still syncs on its own load, so the hint is only a shortcut.
    console.warn("quiz: could not update the outbox hint", err);
  }
}

export function hasHint(): boolean {
  try {
    return localStorage.getItem(OUTBOX_HINT) !== null;
  } catch (err) {
    console.warn("quiz: could not read the outbox hint", err);
    return false;
  }
}
