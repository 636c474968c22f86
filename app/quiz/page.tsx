import Link from "next/link";
import type { Metadata } from "next";
import { DIFFICULTIES, getCaseStudies, getChapters, getTopics } from "@/lib/content/index";
import { QuizSession } from "@/components/quiz-session";
import { deckQuestions, deckString, deckTitle } from "@/lib/quiz/decks";

export const metadata: Metadata = { title: "Quiz" };

const SIZES = [5, 10, 20, 50] as const;

type Search = { deck?: string; size?: string; mode?: string; practice?: string };

export default async function QuizPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const deck = deckString.safeParse(sp.deck ?? "");
  const size = SIZES.find((s) => String(s) === sp.size) ?? 20;
  const mode = sp.mode === "type" ? "type" : "flip";
  const practice = sp.practice === "1";
  if (deck.success) {
    const title = `${deckTitle(deck.data)}${practice ? " (practice)" : ""}`;
    return (
      <>
        <p className="breadcrumbs" style={{ maxWidth: 760, margin: "0 auto" }}>
          <Link href="/quiz">Quiz</Link> › {title}
        </p>
        <h1 style={{ maxWidth: 760, margin: "0.5rem auto" }}>{title}</h1>
        <QuizSession key={`${deck.data}-${mode}-${practice}`} deck={deck.data} deckTitle={title} limit={size} mode={mode} practice={practice} />
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
            <option value="flagged">Flagged questions</option>
            <option value="interview">Interview prep (set a date in Progress)</option>
            <optgroup label="Company loadout (case study + its stack)">
              {getCaseStudies().map((c) => (
                <option key={c.id} value={`loadout:${c.id}`}>
                  {c.company}
                </option>
              ))}
            </optgroup>
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
        <label>
          Answer by
          <select name="mode" defaultValue="flip">
            <option value="flip">Recall, then flip</option>
            <option value="type">Typing, then ticking key points</option>
          </select>
        </label>
        <label className="inline-check">
          <input type="checkbox" name="practice" value="1" /> Practice (does not change your schedule)
        </label>
        <button className="button" type="submit">
          Start
        </button>
      </form>
      <p className="muted">
        Keys: <kbd>Space</kbd> show answer · <kbd>1</kbd>–<kbd>4</kbd> grade · <kbd>U</kbd> undo · <kbd>-</kbd> bury · <kbd>@</kbd> suspend · <kbd>F</kbd> flag. Want a
        timed round? Try a <Link href="/mock">mock interview</Link>.
      </p>
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
