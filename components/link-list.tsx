/** A titled list of outbound links (sources, slides), rendered only when there is something to list. */
export function LinkList({ id, title, links }: { id: string; title: string; links: { title: string; url: string }[] }) {
  if (!links.length) return null;
  return (
    <>
      <h2 id={id}>{title}</h2>
      <ul>
        {links.map((l) => (
          <li key={l.url}>
            <a href={l.url} rel="noopener noreferrer">
              {l.title}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
