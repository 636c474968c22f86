import Link from "next/link";
import type { Metadata } from "next";
import { DIFFICULTIES, getChapters, getTopics } from "@/lib/content/index";
import { QuizSession } from "@/components/quiz-session";
import { deckQuestions, deckSchema, deckTitle } from "@/lib/quiz/decks";

export const metadata: Metadata = { title: "Quiz" };

const SIZES = [5, 10, 20, 50] as const;

type Search = { deck?: string; size?: string };

export default async function QuizPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const deck = deckSchema.safeParse(sp.deck ?? "");
  const size = SIZES.find((s) => String(s) === sp.size) ?? 20;
  if (deck.success) {
    const title = deckTitle(deck.data);
    return (
      <>
        <p className="breadcrumbs" style={{ maxWidth: 760, margin: "0 auto" }}>
          <Link href="/quiz">Quiz</Link> › {title}
        </p>
        <h1 style={{ maxWidth: 760, margin: "0.5rem auto" }}>{title}</h1>
        <QuizSession deck={deck.data} deckTitle={title} limit={size} />
      </>
    );
  }
  const topics = getTopics();
  return (
    <>
      <h1>Quiz</h1>
      <p className="lead">Pick a deck. Cards that are due come first, then new ones up to your daily limit.</p>
      {sp.deck !== undefined && (
        <p className="alert" role="alert">
          Unknown deck “{sp.deck}”. Choose one below.
        </p>
      )}
      <form className="filters" action="/quiz">
        <label>
          Deck
          <select name="deck" defaultValue="all">
            <option value="all">All questions ({deckQuestions("all").length})</option>
            <optgroup label="By topic">
              {topics.map((t) => (
                <option key={t.id} value={`topic:${t.id}`}>
                  {t.title} ({deckQuestions(`topic:${t.id}`).length})
                </option>
              ))}
            </optgroup>
            <optgroup label="By difficulty">
              {DIFFICULTIES.map((d) => (
                <option key={d} value={`difficulty:${d}`}>
                  {d} ({deckQuestions(`difficulty:${d}`).length})
                </option>
              ))}
            </optgroup>
            <optgroup label="By chapter">
              {getChapters().map((c) => {
                const n = deckQuestions(`chapter:${c.id}`).length;
                return n ? (
                  <option key={c.id} value={`chapter:${c.id}`}>
                    {c.title} ({n})
                  </option>
                ) : null;
              })}
            </optgroup>
          </select>
        </label>
        <label>
          Session size
          <select name="size" defaultValue="20">
            {SIZES.map((s) => (
              <option key={s} value={s}>
                {s} cards
              </option>
            ))}
          </select>
        </label>
        <button className="button" type="submit">
          Start
        </button>
      </form>
      <h2>Topics</h2>
      <div className="grid">
        {topics.map((t) => (
          <Link key={t.id} className="card" href={`/quiz?deck=topic:${t.id}`}>
            <h3>{t.title}</h3>
            <p className="muted">{t.description}</p>
            <p className="hit-meta">{deckQuestions(`topic:${t.id}`).length} questions</p>
          </Link>
        ))}
      </div>
    </>
  );
}
