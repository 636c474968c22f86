import type { Metadata } from "next";
import { LinkForm } from "@/components/devices/link-form";
import { UnlinkedNotice } from "@/components/devices/devices-section";
import { linkPageView } from "@/lib/learner/current";
import { pageMeta } from "@/lib/site";

export const metadata: Metadata = pageMeta("/link", "Link this browser", "Enter a one-time code from another device, or your recovery key, to study with the same progress here.", { robots: { index: false } });
export const dynamic = "force-dynamic";

export default async function LinkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const view = await linkPageView(await searchParams);
  return (
    <div className="narrow">
      <h1>Link this browser</h1>
      {view.status === "revoked" && <UnlinkedNotice />}
      <p className="muted">
        On a device that already has your progress, open Progress and choose <strong>Link another device</strong>. Enter the code it shows here, or scan its QR code with this device. No account or e-mail is involved.
      </p>
      <LinkForm initialCode={view.code} hasOwnProgress={view.hasOwnProgress} />
    </div>
  );
}
