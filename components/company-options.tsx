/** `<option>`s for a company picker, led by "Any company" (value ""). */
export function CompanyOptions({ companies }: { companies: { id: string; company: string }[] }) {
  return (
    <>
      <option value="">Any company</option>
      {companies.map((c) => (
        <option key={c.id} value={c.id}>
          {c.company}
        </option>
      ))}
    </>
  );
}
