import { redirect } from "next/navigation";

// The recovery key is entered in the same form as a link code.
export default function RecoverPage() {
  redirect("/link");
}
